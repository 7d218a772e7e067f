package io.tidings.api.log;

import java.time.Instant;

/**
 * Something to do after a communication (sent by Tidings or logged): call back, check a letter arrived.
 *
 * @param communicationId the communication it follows
 * @param dueAt           when it is due
 * @param owner           the user who must do it; null for anyone
 * @param note            what to do; may be null
 * @param completedAt     null while open
 * @param completedAs     the id of the communication that records its completion; null while open
 */
public record FollowUp(String communicationId, Instant dueAt, String owner, String note, Instant completedAt,
        String completedAs) {

    public boolean open() {
        return completedAt == null;
    }
}
