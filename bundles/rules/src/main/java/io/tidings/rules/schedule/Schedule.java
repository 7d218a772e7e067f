package io.tidings.rules.schedule;

import java.time.Instant;
import java.util.List;

/**
 * When a rule's messages may go: starts at {@code now} and lets each step push it later (the
 * delay, a reminder's moment). Working hours and quiet hours depend on the recipient and are
 * applied per message afterwards by {@link Windows}.
 */
public final class Schedule {

    private final List<ScheduleStep> steps;

    public Schedule() {
        this(List.of(new DelayStep(), new ReminderStep()));
    }

    public Schedule(List<ScheduleStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public Instant notBefore(ScheduleContext context) {
        Instant moment = context.now();
        for (ScheduleStep step : steps) {
            Instant next = step.apply(moment, context);
            moment = next.isBefore(context.now()) ? context.now() : next;
        }
        return moment;
    }
}
