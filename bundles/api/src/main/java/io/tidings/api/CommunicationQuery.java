package io.tidings.api;

/**
 * A filter over communications; null fields do not filter.
 *
 * @param contact a recipient address (email or phone)
 * @param limit   at most this many, newest first
 */
public record CommunicationQuery(String entityType, String entityId, String contact, CommunicationStatus status,
        int limit) {

    public static CommunicationQuery all(int limit) {
        return new CommunicationQuery(null, null, null, null, limit);
    }
}
