package io.tidings.api.access;

import java.time.Instant;

/**
 * Which audit entries to read; null fields match everything.
 *
 * @param since      entries at or after this instant
 * @param objectType e.g. {@code template}
 * @param objectKey  only with {@code objectType}
 * @param limit      at most this many, newest first
 */
public record AuditQuery(Instant since, String actor, String objectType, String objectKey, int limit) {
}
