package io.tidings.rules.engine;

import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.Reminder;
import io.tidings.api.rule.RulePlan;
import io.tidings.rules.Fixtures.EventBuilder;

/** Every trigger of the reference documents, as a rule an administrator configures. */
public class TriggerCatalogueTest {

    private static final Instant NOW = Instant.parse("2025-03-14T10:00:00Z");
    private static final Map<String, Medium> MEDIA = Map.of("order-email", Medium.EMAIL);
    private final RulePlanner planner = new RulePlanner(Duration.ofMillis(250), 100);

    private static BusinessEvent of(String type, String entity, Object... fields) {
        EventBuilder builder = event(type).at("2025-03-14T11:00:00+02:00").data(entity, map(fields))
                .data("contact_information", map("email", "c@example.com", "consent", map("email", true)));
        return builder.build();
    }

    private boolean fires(NotificationRule rule, BusinessEvent event) {
        RulePlan plan = planner.plan(rule, event, MEDIA, NOW);
        return plan.matched();
    }

    @Test
    public void remOnlineOrders() {
        assertTrue(fires(rule("order.created").build(), of("order.created", "order", "status", "new")));
        NotificationRule anyStatus = rule("order.status_changed").build();
        assertTrue(fires(anyStatus, of("order.status_changed", "order", "status", "in_work")));
        NotificationRule toReady = rule("order.status_changed").toStatus("Ready").build();
        assertTrue(fires(toReady, of("order.status_changed", "order", "status", "ready")));
        assertFalse(fires(toReady, of("order.status_changed", "order", "status", "in_work")));
        assertTrue(fires(rule("order.scheduled_time_changed").build(),
                of("order.scheduled_time_changed", "order", "scheduled_at", "2025-03-20T10:00:00+02:00")));
    }

    @Test
    public void leads() {
        assertTrue(fires(rule("lead.created").build(), of("lead.created", "lead", "status", "new")));
        NotificationRule qualified = rule("lead.status_changed").toStatus("qualified").build();
        assertTrue(fires(qualified, of("lead.status_changed", "lead", "status", "qualified")));
        assertFalse(fires(qualified, of("lead.status_changed", "lead", "status", "lost")));
    }

    @Test
    public void simplyBookBookings() {
        for (String type : new String[] {"booking.pending", "booking.confirmed", "booking.rejected", "booking.rescheduled"}) {
            assertTrue(type, fires(rule(type).build(), of(type, "booking", "start_at", "2025-03-20T10:00:00+01:00")));
        }
        NotificationRule byCustomer = rule("booking.cancelled").condition("booking.cancelled_by == 'customer'").build();
        assertTrue(fires(byCustomer, of("booking.cancelled", "booking", "cancelled_by", "customer")));
        assertFalse(fires(byCustomer, of("booking.cancelled", "booking", "cancelled_by", "admin")));
        NotificationRule reminder = rule("booking.confirmed")
                .reminder(new Reminder("booking.start_at", null, null, null)).build();
        assertTrue(fires(reminder, of("booking.confirmed", "booking", "start_at", "2025-03-20T10:00:00+01:00")));
    }

    @Test
    public void salesIntelligenceConfirmationsAndCallOutcomes() {
        assertTrue(fires(rule("order.placed").build(), of("order.placed", "order", "status", "placed")));
        assertTrue(fires(rule("order.deleted").build(), of("order.deleted", "order", "status", "deleted")));
        NotificationRule secondNoAnswer = rule("call.completed").outcome("No answer", 2).build();
        assertTrue(fires(secondNoAnswer, of("call.completed", "call", "outcome", "no answer", "contact_attempt", 2)));
        assertTrue(fires(secondNoAnswer, of("call.completed", "call", "outcome", "No answer", "contact_attempt", "2")));
        assertFalse(fires(secondNoAnswer, of("call.completed", "call", "outcome", "No answer", "contact_attempt", 1)));
        RulePlan survey = planner.plan(secondNoAnswer, of("call.completed", "call", "outcome", "Survey", "contact_attempt", 2),
                MEDIA, NOW);
        assertEquals("call.outcome is 'Survey', not 'No answer'", survey.reason());
        assertTrue(fires(rule("call.completed").outcome("No, thanks", null).build(),
                of("call.completed", "call", "outcome", "No, thanks")));
    }

    @Test
    public void crmComAnyEntityAndEvent() {
        for (String type : new String[] {"bill.issued", "payment.received", "award_reward_transaction.created",
                "spend_reward_transaction.created", "subscription.created"}) {
            String entity = type.substring(0, type.indexOf('.'));
            assertTrue(type, fires(rule(type).build(), of(type, entity, "number", "42")));
        }
    }

    @Test
    public void badSchedulingFieldsAreRejectedWithTheFieldNamed() {
        assertField("reminder.field", rule("booking.confirmed").reminder(new Reminder("start", null, null, null)).build());
        assertField("reminder.daysBefore",
                rule("booking.confirmed").reminder(new Reminder("booking.start_at", null, -1, null)).build());
        assertField("delay", rule("booking.confirmed").delay(Duration.ofHours(1))
                .reminder(new Reminder("booking.start_at", Duration.ofHours(1), null, null)).build());
        assertField("contactAttempt", rule("call.completed").outcome(null, 0).build());
        assertField("quietHours", rule("order.closed").quietHours("09:00", "09:00").build());
    }

    private void assertField(String field, NotificationRule rule) {
        try {
            planner.validate(rule);
            throw new AssertionError("accepted " + rule);
        } catch (ValidationException e) {
            assertEquals(e.getMessage(), field, e.field());
        }
    }
}
