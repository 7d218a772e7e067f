package io.tidings.api.rule;

import java.time.Instant;

import io.tidings.api.Medium;

/**
 * One message a matching rule wants sent.
 *
 * @param recipient        the address (email or phone); null when none was found
 * @param language         the recipient's preferred language, null when unknown
 * @param notBefore        the earliest moment to send
 * @param suppressedReason non-null when it must not be sent (no consent, no address): recorded as SUPPRESSED
 * @param deadline         a reminder's appointment: never send at or after it; null for other messages
 */
public record PlannedMessage(String templateKey, Medium medium, String recipient, String recipientName,
        String language, Instant notBefore, String suppressedReason, Instant deadline) {

    public PlannedMessage(String templateKey, Medium medium, String recipient, String recipientName,
            String language, Instant notBefore, String suppressedReason) {
        this(templateKey, medium, recipient, recipientName, language, notBefore, suppressedReason, null);
    }
}
