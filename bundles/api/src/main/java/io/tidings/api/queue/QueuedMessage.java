package io.tidings.api.queue;

import java.time.Instant;

/**
 * A rendered message waiting for an external system to send it.
 *
 * @param communicationId the communication; acknowledge it by this id
 * @param medium          {@code EMAIL} or {@code SMS}
 * @param recipient       the address (E.164 for SMS as the host wrote it)
 * @param recipientName   may be null
 * @param subject         email subject; null for SMS
 * @param text            the text body
 * @param html            the HTML body; null when none
 * @param language        the language it was rendered in
 * @param claimedUntil    until when this claim holds; unacknowledged, the message is offered again after it
 */
public record QueuedMessage(String communicationId, String medium, String recipient, String recipientName,
        String subject, String text, String html, String language, Instant claimedUntil) {
}
