package io.tidings.rules.schedule;

import java.time.Instant;

/**
 * One rule of timing (a delay, working hours, quiet hours, a reminder offset). Steps run in order,
 * each moving the candidate moment; a step never moves it before {@code now}.
 */
@FunctionalInterface
public interface ScheduleStep {

    Instant apply(Instant candidate, ScheduleContext context);
}
