package io.tidings.api.log;

import io.tidings.api.ValidationException;

/**
 * Whose feed and which page: by the host's contact id, or by entity; newest first, {@code offset}
 * items skipped, at most {@code limit} answered.
 */
public record FeedQuery(String contactId, String entityType, String entityId, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    /** @throws ValidationException naming the field at fault */
    public void validate() {
        boolean byContact = contactId != null && !contactId.isBlank();
        boolean byEntity = entityType != null && !entityType.isBlank() && entityId != null && !entityId.isBlank();
        if (!byContact && !byEntity) {
            throw new ValidationException("contactId", "or entityType with entityId is required: whose feed");
        }
        if (byContact && (entityType != null || entityId != null)) {
            throw new ValidationException("entityType", "give either contactId or entityType with entityId");
        }
        if (offset < 0) {
            throw new ValidationException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
    }
}
