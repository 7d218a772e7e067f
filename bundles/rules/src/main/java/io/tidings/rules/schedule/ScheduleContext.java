package io.tidings.rules.schedule;

import java.time.Instant;

import io.tidings.api.BusinessEvent;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.rules.trigger.TriggerMatch;

/**
 * What a schedule step may look at.
 *
 * @param trigger  the fired trigger; its anchor is the moment delays count from
 * @param now      the current moment (the caller's clock)
 * @param location the event's location as configured; null when unknown
 */
public record ScheduleContext(NotificationRule rule, BusinessEvent event, TriggerMatch trigger, Instant now,
        Location location) {

    public ScheduleContext(NotificationRule rule, BusinessEvent event, TriggerMatch trigger, Instant now) {
        this(rule, event, trigger, now, null);
    }
}
