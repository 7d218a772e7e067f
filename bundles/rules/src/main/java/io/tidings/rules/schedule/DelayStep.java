package io.tidings.rules.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule's delay counts from the trigger's anchor (the moment the event happened), not from when
 * it reached us: an event delivered late is not delayed twice, and one whose delay has already
 * passed goes now.
 */
public final class DelayStep implements ScheduleStep {

    @Override
    public Instant apply(Instant candidate, ScheduleContext context) {
        Duration delay = context.rule().delay();
        if (delay == null || delay.isZero()) {
            return candidate;
        }
        Instant due = context.trigger().anchor().plus(delay);
        return due.isAfter(candidate) ? due : candidate;
    }
}
