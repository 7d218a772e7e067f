package io.tidings.rules.trigger;

import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.rule.NotificationRule;

public class TriggersTest {

    private final Triggers triggers = new Triggers();

    private TriggerMatch test(NotificationRule rule, BusinessEvent event) {
        triggers.validate(rule);
        return triggers.of(rule).test(event);
    }

    @Test
    public void eventTypeMatchesExactly() {
        BusinessEvent created = event("order.created").at("2025-03-14T09:30:00+01:00").build();
        TriggerMatch match = test(rule("order.created").build(), created);
        assertTrue(match.matched());
        assertEquals(Instant.parse("2025-03-14T08:30:00Z"), match.anchor());

        TriggerMatch other = test(rule("order.status_changed").build(), created);
        assertFalse(other.matched());
        assertEquals("event type order.created is not order.status_changed", other.reason());
        assertFalse(test(rule("order.create").build(), created).matched());
        assertFalse(test(rule("booking.created").build(), created).matched());
    }

    @Test
    public void toStatusMatchesTheEntitysStatusIgnoringCase() {
        NotificationRule ready = rule("order.status_changed").toStatus("Готово").build();
        BusinessEvent event = event("order.status_changed").data("order", map("status", "ГОТОВО")).build();
        assertTrue(test(ready, event).matched());

        NotificationRule danish = rule("booking.status_changed").toStatus("bekræftet").build();
        assertTrue(test(danish, event("booking.status_changed").data("booking", map("status", " Bekræftet ")).build())
                .matched());
    }

    @Test
    public void toStatusMismatchSaysWhichStatusItWas() {
        NotificationRule ready = rule("order.status_changed").toStatus("ready").build();
        TriggerMatch match = test(ready, event("order.status_changed").data("order", map("status", "in_progress")).build());
        assertFalse(match.matched());
        assertEquals("order.status is 'in_progress', not 'ready'", match.reason());
    }

    @Test
    public void toStatusReadsTheEventsOwnEntityOnly() {
        NotificationRule ready = rule("order.status_changed").toStatus("ready").build();
        BusinessEvent event = event("order.status_changed").data("bill", map("status", "ready")).build();
        TriggerMatch match = test(ready, event);
        assertFalse(match.matched());
        assertEquals("order.status is missing; the rule wants 'ready'", match.reason());
    }

    @Test
    public void aNewKindNarrowsTheTriggerWithoutTouchingTheOthers() {
        TriggerKind onlyKyiv = new TriggerKind() {
            @Override
            public boolean appliesTo(NotificationRule rule) {
                return rule.name().startsWith("kyiv");
            }

            @Override
            public void validate(NotificationRule rule) {
            }

            @Override
            public Trigger create(NotificationRule rule) {
                return event -> "Київ".equals(event.location()) ? TriggerMatch.fired(Instant.EPOCH)
                        : TriggerMatch.missed("not in Київ");
            }
        };
        Triggers extended = new Triggers(List.of(new EventTypeTrigger(), new StatusChangeTrigger(), onlyKyiv));
        NotificationRule rule = new NotificationRule("r", "kyiv only", "order.created", null, null, null,
                List.of("t"), null, null, null, true);
        assertEquals("not in Київ", extended.of(rule).test(event("order.created").location("Львів").build()).reason());
        TriggerMatch kyiv = extended.of(rule).test(event("order.created").location("Київ").build());
        assertTrue(kyiv.matched());
        assertEquals("the last kind's anchor wins", Instant.EPOCH, kyiv.anchor());
    }
}
