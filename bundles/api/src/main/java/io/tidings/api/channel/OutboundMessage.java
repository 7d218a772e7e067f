package io.tidings.api.channel;

import java.util.List;

import io.tidings.api.Medium;

/**
 * A rendered message for one recipient, as a channel receives it.
 *
 * @param communicationId the communication's id, stable across retries (use it as an idempotency key where the provider has one)
 * @param recipient       an email address or an E.164 phone number
 * @param recipientName   the display name, may be null
 * @param subject         email subject; null for SMS
 * @param text            plain text body (always present)
 * @param html            HTML body, null when the message has none
 * @param language        the language it was rendered in (BCP 47)
 * @param attempt         1 for the first attempt
 * @param country         ISO 3166 country of the event's location (e.g. {@code UA}), for numbers
 *                        written without a country code; null when unknown
 * @param attachments     files sent along (email only; empty for none)
 * @param unsubscribeUrl  for marketing email, the signed link that opts the recipient out, for a
 *                        one-click unsubscribe header (RFC 8058); null otherwise
 * @param replyTo         email only: the address replies go to (the rule's, else the template's); null
 *                        for the channel's own default
 */
public record OutboundMessage(String communicationId, Medium medium, String recipient, String recipientName,
        String subject, String text, String html, String language, int attempt, String country,
        List<Attachment> attachments, String unsubscribeUrl, String replyTo) {

    public OutboundMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message whose replies go to the channel's default (the signature of API 2.1). */
    public OutboundMessage(String communicationId, Medium medium, String recipient, String recipientName,
            String subject, String text, String html, String language, int attempt, String country,
            List<Attachment> attachments, String unsubscribeUrl) {
        this(communicationId, medium, recipient, recipientName, subject, text, html, language, attempt, country,
                attachments, unsubscribeUrl, null);
    }

    /** A message without an unsubscribe link. */
    public OutboundMessage(String communicationId, Medium medium, String recipient, String recipientName,
            String subject, String text, String html, String language, int attempt, String country,
            List<Attachment> attachments) {
        this(communicationId, medium, recipient, recipientName, subject, text, html, language, attempt, country,
                attachments, null, null);
    }

    /** A message without attachments (the signature of API 1.1). */
    public OutboundMessage(String communicationId, Medium medium, String recipient, String recipientName,
            String subject, String text, String html, String language, int attempt, String country) {
        this(communicationId, medium, recipient, recipientName, subject, text, html, language, attempt, country,
                List.of(), null, null);
    }

    /** A message without a known country (the signature of API 1.0). */
    public OutboundMessage(String communicationId, Medium medium, String recipient, String recipientName,
            String subject, String text, String html, String language, int attempt) {
        this(communicationId, medium, recipient, recipientName, subject, text, html, language, attempt, null, List.of(),
                null, null);
    }
}
