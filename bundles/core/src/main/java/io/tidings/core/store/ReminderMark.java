package io.tidings.core.store;

import java.time.Instant;

/**
 * Marks a new communication as a reminder.
 *
 * @param key      rule, entity type and entity id: what later events of the entity move or cancel
 * @param deadline the appointment: a reminder still unsent then is suppressed, never sent late
 */
public record ReminderMark(String key, Instant deadline) {
}
