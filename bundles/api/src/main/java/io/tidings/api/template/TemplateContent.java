package io.tidings.api.template;

/**
 * A template's content in one language. Tags are written as in the reference documents
 * ({@code #contact_information.name}, {@code #payment.accounts_receivable.balance}); Velocity
 * directives ({@code #if}, {@code #foreach}) work too.
 *
 * @param subject email subject; null for SMS
 * @param html    HTML body; null for SMS or a text-only email
 * @param text    text body (the SMS body)
 */
public record TemplateContent(String subject, String html, String text) {
}
