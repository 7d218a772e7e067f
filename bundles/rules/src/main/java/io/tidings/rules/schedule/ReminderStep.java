package io.tidings.rules.schedule;

import java.time.Instant;
import java.util.Optional;

/** A reminder goes at its moment before the appointment, never earlier. */
public final class ReminderStep implements ScheduleStep {

    @Override
    public Instant apply(Instant candidate, ScheduleContext context) {
        if (context.rule().reminder() == null) {
            return candidate;
        }
        Optional<ReminderTimes> times = ReminderTimes.of(context.rule().reminder(), context.event(),
                Windows.zone(context.location()));
        return times.map(t -> t.moment().isAfter(candidate) ? t.moment() : candidate).orElse(candidate);
    }
}
