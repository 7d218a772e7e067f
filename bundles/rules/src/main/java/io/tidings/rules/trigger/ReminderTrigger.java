package io.tidings.rules.trigger;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.Reminder;
import io.tidings.rules.schedule.ReminderTimes;

/**
 * A reminder fires only for entities that have its time field set, as ISO-8601 with an offset.
 * When it fires is the schedule's business ({@link io.tidings.rules.schedule.ReminderStep}).
 */
public final class ReminderTrigger implements TriggerKind {

    static final Pattern FIELD = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+");

    @Override
    public boolean appliesTo(NotificationRule rule) {
        return rule.reminder() != null;
    }

    @Override
    public void validate(NotificationRule rule) {
        Reminder reminder = rule.reminder();
        if (reminder.field() == null || !FIELD.matcher(reminder.field()).matches()) {
            throw new ValidationException("reminder.field", "must be the time field as <entity>.<field>, e.g. booking.start_at; was '"
                    + reminder.field() + "'");
        }
        if (reminder.isOffset()) {
            if (reminder.before().isNegative()) {
                throw new ValidationException("reminder.before", "must not be negative; was " + reminder.before());
            }
            if (reminder.daysBefore() != null || reminder.at() != null) {
                throw new ValidationException("reminder", "give either before, or daysBefore with at, not both");
            }
        } else if (reminder.daysBefore() < 0 || reminder.daysBefore() > 365) {
            throw new ValidationException("reminder.daysBefore", "must be 0 to 365; was " + reminder.daysBefore());
        }
        if (rule.delay() != null && !rule.delay().isZero()) {
            throw new ValidationException("delay", "a reminder goes at its own moment; leave delay out");
        }
    }

    @Override
    public Trigger create(NotificationRule rule) {
        String field = rule.reminder().field();
        return event -> {
            Object value = ReminderTimes.value(event.data(), field);
            if (value == null) {
                return TriggerMatch.missed(field + " is not set: only an entity with that time gets a reminder");
            }
            try {
                OffsetDateTime.parse(value.toString().trim());
            } catch (DateTimeException e) {
                return TriggerMatch.missed(field + " is not an ISO-8601 time with an offset: '" + value + "'");
            }
            return TriggerMatch.fired(event.occurredAt().toInstant());
        };
    }
}
