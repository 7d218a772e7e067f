package io.tidings.core.store;

import java.time.Instant;

/**
 * What an event does to the pending (SCHEDULED) reminders of a key, applied in the transaction
 * that records the event.
 *
 * @param templateKey for MOVE and SUPPRESS, the template whose reminders change; null for all
 * @param notBefore   for MOVE, the new moment
 * @param deadline    for MOVE, the new appointment
 * @param reason      the status reason recorded
 */
public record ReminderChange(String key, Kind kind, String templateKey, Instant notBefore, Instant deadline,
        String reason) {

    public enum Kind {
        /** The appointment moved: the reminder goes at the new moment and renders the newer event. */
        MOVE,
        /** The appointment was cancelled or deleted. */
        CANCEL,
        /** The appointment moved to where its reminder can no longer go (its moment passed). */
        SUPPRESS
    }
}
