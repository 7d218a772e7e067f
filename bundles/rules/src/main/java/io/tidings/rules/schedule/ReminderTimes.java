package io.tidings.rules.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

import io.tidings.api.BusinessEvent;
import io.tidings.api.rule.Reminder;

/**
 * The appointment a reminder is for and the moment it goes.
 *
 * @param appointment the time field's value
 * @param moment      {@code before} the appointment, or {@code at} local time {@code daysBefore} days
 *                    before it, in the location's zone (else the field's own offset), DST included
 */
public record ReminderTimes(Instant appointment, Instant moment) {

    public static Optional<ReminderTimes> of(Reminder reminder, BusinessEvent event, ZoneId zone) {
        Object value = value(event.data(), reminder.field());
        if (value == null) {
            return Optional.empty();
        }
        OffsetDateTime appointment;
        try {
            appointment = OffsetDateTime.parse(value.toString().trim());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (reminder.isOffset()) {
            return Optional.of(new ReminderTimes(appointment.toInstant(), appointment.toInstant().minus(reminder.before())));
        }
        ZonedDateTime local = appointment.atZoneSameInstant(zone == null ? appointment.getOffset() : zone);
        ZonedDateTime moment = ZonedDateTime.of(local.toLocalDate().minusDays(reminder.daysBefore()), reminder.at(),
                local.getZone());
        return Optional.of(new ReminderTimes(appointment.toInstant(), moment.toInstant()));
    }

    /** The value at a dotted path of the event data ({@code booking.start_at}), null when absent. */
    public static Object value(Map<String, Object> data, String path) {
        Object current = data;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
