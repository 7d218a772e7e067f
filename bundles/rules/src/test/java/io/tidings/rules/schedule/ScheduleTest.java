package io.tidings.rules.schedule;

import static io.tidings.rules.Fixtures.NOW;
import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.rule.NotificationRule;
import io.tidings.rules.trigger.TriggerMatch;

public class ScheduleTest {

    private final Schedule schedule = new Schedule();

    private static ScheduleContext context(NotificationRule rule, BusinessEvent event) {
        return new ScheduleContext(rule, event, TriggerMatch.fired(event.occurredAt().toInstant()), NOW);
    }

    @Test
    public void withoutDelayItIsNow() {
        BusinessEvent event = event("order.created").at("2025-03-14T09:00:00Z").build();
        assertEquals(NOW, schedule.notBefore(context(rule("order.created").build(), event)));
        assertEquals(NOW, schedule.notBefore(context(rule("order.created").delay(Duration.ZERO).build(), event)));
    }

    @Test
    public void delayCountsFromWhenTheEventHappened() {
        // 09:55 in Copenhagen (+01:00) is 08:55Z; plus two hours is 10:55Z, after now (10:00Z)
        BusinessEvent event = event("booking.created").at("2025-03-14T09:55:00+01:00").build();
        NotificationRule rule = rule("booking.created").delay(Duration.ofHours(2)).build();
        assertEquals(Instant.parse("2025-03-14T10:55:00Z"), schedule.notBefore(context(rule, event)));
    }

    @Test
    public void aDelayAlreadyPastMeansNow() {
        BusinessEvent event = event("order.created").at("2025-03-13T10:00:00Z").build();
        NotificationRule rule = rule("order.created").delay(Duration.ofMinutes(30)).build();
        assertEquals(NOW, schedule.notBefore(context(rule, event)));
    }

    @Test
    public void noStepMovesBeforeNow() {
        Schedule early = new Schedule(List.of(new DelayStep(), (candidate, context) -> Instant.EPOCH));
        BusinessEvent event = event("order.created").build();
        assertEquals(NOW, early.notBefore(context(rule("order.created").build(), event)));
    }
}
