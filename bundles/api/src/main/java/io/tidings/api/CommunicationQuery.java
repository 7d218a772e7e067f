package io.tidings.api;

/**
 * A filter over communications; null fields do not filter.
 *
 * @param contact a recipient address (email, or phone in any writing: the engine compares it in E.164)
 * @param limit   at most this many, newest first
 * @param run     the key of the notification run whose events made them
 * @param contactId the host's id of the contact ({@code contact_information.id} of the events)
 * @param units   only communications of these organisational units; null for any (and none)
 */
public record CommunicationQuery(String entityType, String entityId, String contact, CommunicationStatus status,
        int limit, String run, String contactId, java.util.Set<String> units) {

    public CommunicationQuery {
        units = units == null ? null : java.util.Set.copyOf(units);
    }

    /** A query over no contact id and every unit (the signature of API 1.5). */
    public CommunicationQuery(String entityType, String entityId, String contact, CommunicationStatus status,
            int limit, String run) {
        this(entityType, entityId, contact, status, limit, run, null, null);
    }

    /** The same query limited to these units (null for any). */
    public CommunicationQuery withUnits(java.util.Set<String> newUnits) {
        return new CommunicationQuery(entityType, entityId, contact, status, limit, run, contactId, newUnits);
    }

    /** A query over no run (the signature of API 1.4). */
    public CommunicationQuery(String entityType, String entityId, String contact, CommunicationStatus status,
            int limit) {
        this(entityType, entityId, contact, status, limit, null);
    }

    /** The most a listing answers at once. */
    public static final int MAX_LIMIT = 1000;

    public static CommunicationQuery all(int limit) {
        return new CommunicationQuery(null, null, null, null, limit);
    }

    /**
     * A {@code limit} as an administrator typed it (a query parameter, a form field).
     *
     * @param text         null for the default
     * @throws ValidationException naming {@code limit} unless it is a whole number from 1 to {@link #MAX_LIMIT}
     */
    public static int limit(String text, int defaultLimit) {
        if (text == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was '" + text + "'");
    }
}
