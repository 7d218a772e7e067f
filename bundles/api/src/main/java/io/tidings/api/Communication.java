package io.tidings.api;

import java.time.Instant;

/**
 * One message to one recipient on one medium, as recorded in the queue.
 *
 * @param templateVersion the template version that rendered it (null until rendered)
 * @param subject         the rendered subject (email), null until sent
 * @param body            the rendered text body, null until sent
 * @param unit            the organisational unit it was created in (its event's); null for none (since API 1.6)
 */
public record Communication(String id, String eventId, EntityRef entity, String ruleKey, String templateKey,
        Integer templateVersion, Medium medium, String channel, String recipient, String language,
        CommunicationStatus status, String statusReason, int attempts, Instant notBefore, Instant createdAt,
        Instant sentAt, String providerMessageId, String subject, String body, String unit) {

    /** A communication of no unit (the signature before API 1.6). */
    public Communication(String id, String eventId, EntityRef entity, String ruleKey, String templateKey,
            Integer templateVersion, Medium medium, String channel, String recipient, String language,
            CommunicationStatus status, String statusReason, int attempts, Instant notBefore, Instant createdAt,
            Instant sentAt, String providerMessageId, String subject, String body) {
        this(id, eventId, entity, ruleKey, templateKey, templateVersion, medium, channel, recipient, language, status,
                statusReason, attempts, notBefore, createdAt, sentAt, providerMessageId, subject, body, null);
    }

    public Communication withStatus(CommunicationStatus newStatus, String reason) {
        return new Communication(id, eventId, entity, ruleKey, templateKey, templateVersion, medium, channel,
                recipient, language, newStatus, reason, attempts, notBefore, createdAt, sentAt, providerMessageId,
                subject, body, unit);
    }
}
