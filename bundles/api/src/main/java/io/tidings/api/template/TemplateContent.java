package io.tidings.api.template;

/**
 * A template's content in one language. Tags are written as in the reference documents
 * ({@code #contact_information.name}, {@code #payment.accounts_receivable.balance}); Velocity
 * directives ({@code #if}, {@code #foreach}) work too.
 *
 * @param subject email subject; null for any other content kind
 * @param html    HTML body; null for a text-only email and any other content kind
 * @param text    text body: the SMS body, the text of a TEXT medium, the JSON payload template of a
 *                STRUCTURED medium (WEBHOOK), see {@link io.tidings.api.ContentKind}
 */
public record TemplateContent(String subject, String html, String text) {
}
