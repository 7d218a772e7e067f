package io.tidings.rules.engine;

import static io.tidings.rules.Fixtures.NOW;
import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RulePlan;

public class RulePlannerTest {

    private static final Map<String, Medium> MEDIA = Map.of("order-email", Medium.EMAIL, "order-sms", Medium.SMS);

    private final RulePlanner planner = new RulePlanner(Duration.ofMillis(250), 100);

    /** A RemOnline repair order, ready for pick-up, in Kyiv. */
    private static BusinessEvent orderReady() {
        return event("order.status_changed").at("2025-03-14T11:58:00+02:00").location("kyiv-center")
                .data("order", map("number", "A-1042", "status", "Готове", "total", 1850, "manager_email", "manager@remont.ua"))
                .data("contact_information", map("name", "Олена Коваленко", "email", "olena@example.ua",
                        "phone", "+380671234567", "preferred_language", "uk", "segment", "vip",
                        "consent", map("email", true, "sms", true)))
                .build();
    }

    @Test
    public void matchingRulePlansOneMessagePerTemplateAndRecipient() {
        NotificationRule rule = rule("order.status_changed").toStatus("готове").locations("kyiv-center", "lviv")
                .condition("order.total > 1000 && contact_information.segment == 'vip'")
                .templates("order-email", "order-sms").build();
        RulePlan plan = planner.plan(rule, orderReady(), MEDIA, NOW);

        assertTrue(plan.reason(), plan.matched());
        assertNull(plan.reason());
        assertEquals("rule-1", plan.ruleKey());
        assertEquals(2, plan.messages().size());
        assertEquals(new PlannedMessage("order-email", Medium.EMAIL, "olena@example.ua", "Олена Коваленко", "uk", NOW, null),
                plan.messages().get(0));
        assertEquals(new PlannedMessage("order-sms", Medium.SMS, "+380671234567", "Олена Коваленко", "uk", NOW, null),
                plan.messages().get(1));
    }

    @Test
    public void disabledRuleDoesNotMatch() {
        RulePlan plan = planner.plan(rule("order.status_changed").disabled().build(), orderReady(), MEDIA, NOW);
        assertFalse(plan.matched());
        assertEquals("disabled", plan.reason());
        assertTrue(plan.messages().isEmpty());
    }

    @Test
    public void otherEventTypeDoesNotMatch() {
        RulePlan plan = planner.plan(rule("order.created").build(), orderReady(), MEDIA, NOW);
        assertFalse(plan.matched());
        assertEquals("event type order.status_changed is not order.created", plan.reason());
    }

    @Test
    public void toStatusMismatchIsTheReason() {
        RulePlan plan = planner.plan(rule("order.status_changed").toStatus("Видано").build(), orderReady(), MEDIA, NOW);
        assertFalse(plan.matched());
        assertEquals("order.status is 'Готове', not 'Видано'", plan.reason());
    }

    @Test
    public void locationsLimitTheRule() {
        assertTrue(planner.plan(rule("order.status_changed").build(), orderReady(), MEDIA, NOW).matched());
        assertTrue(planner.plan(rule("order.status_changed").locations("kyiv-center").build(), orderReady(), MEDIA, NOW)
                .matched());

        RulePlan elsewhere = planner.plan(rule("order.status_changed").locations("lviv", "odesa").build(), orderReady(),
                MEDIA, NOW);
        assertFalse(elsewhere.matched());
        assertEquals("location 'kyiv-center' is not one of [lviv, odesa]", elsewhere.reason());

        BusinessEvent nowhere = event("order.status_changed").build();
        RulePlan unlocated = planner.plan(rule("order.status_changed").locations("lviv").build(), nowhere, MEDIA, NOW);
        assertFalse(unlocated.matched());
        assertEquals("the event has no location; the rule is limited to [lviv]", unlocated.reason());
    }

    @Test
    public void conditionDecides() {
        assertTrue(plan("order.total >= 1850").matched());
        assertTrue(plan("contact_information.name =^ 'Олена'").matched());
        assertEquals("condition is false: order.total > 5000", plan("order.total > 5000").reason());
        assertEquals("condition is false: order.discount > 0", plan("order.discount > 0").reason());
        assertTrue(plan("order.discount == null && bill == null").matched());
    }

    @Test
    public void conditionErrorIsANonMatchNotAnException() {
        RulePlan runtime = plan("order.number =~ '[unclosed'");
        assertFalse(runtime.matched());
        assertTrue(runtime.reason(), runtime.reason().startsWith("condition failed: invalid regular expression"));

        // a stored rule that no longer compiles (saved before a stricter sandbox) must not lose the event
        RulePlan escape = plan("''.getClass().forName('java.lang.Runtime')");
        assertFalse(escape.matched());
        assertTrue(escape.reason(), escape.reason().startsWith("rule is invalid: condition (line 1, column 3)"));
    }

    @Test
    public void missingTemplateIsNotedAndTheOthersStillGo() {
        NotificationRule rule = rule("order.status_changed").templates("order-email", "gone-template").build();
        RulePlan plan = planner.plan(rule, orderReady(), MEDIA, NOW);
        assertTrue(plan.matched());
        assertEquals("template gone-template does not exist", plan.reason());
        assertEquals(1, plan.messages().size());
        assertEquals("order-email", plan.messages().get(0).templateKey());

        RulePlan none = planner.plan(rule, orderReady(), Map.of(), NOW);
        assertTrue(none.messages().isEmpty());
        assertEquals("template order-email does not exist; template gone-template does not exist", none.reason());
    }

    @Test
    public void delayCountsFromTheEvent() {
        // occurred 09:58Z, plus 15 minutes = 10:13Z, later than now (10:00Z)
        NotificationRule rule = rule("order.status_changed").delay(Duration.ofMinutes(15)).build();
        RulePlan plan = planner.plan(rule, orderReady(), MEDIA, NOW);
        assertEquals(Instant.parse("2025-03-14T10:13:00Z"), plan.messages().get(0).notBefore());
    }

    @Test
    public void delayOfAPastEventIsNow() {
        NotificationRule rule = rule("order.status_changed").delay(Duration.ofMinutes(1)).build();
        RulePlan plan = planner.plan(rule, orderReady(), MEDIA, NOW);
        assertEquals(NOW, plan.messages().get(0).notBefore());
    }

    @Test
    public void invalidRuleOrEventIsANonMatch() {
        RulePlan badRule = planner.plan(rule("Order Created").build(), orderReady(), MEDIA, NOW);
        assertFalse(badRule.matched());
        assertTrue(badRule.reason(), badRule.reason().startsWith("rule is invalid: event: "));

        BusinessEvent untimed = new BusinessEvent("e-1", "order.created", null, null,
                new io.tidings.api.EntityRef("order", "1"), Map.of());
        RulePlan badEvent = planner.plan(rule("order.created").build(), untimed, MEDIA, NOW);
        assertFalse(badEvent.matched());
        assertTrue(badEvent.reason(), badEvent.reason().startsWith("event is invalid: occurredAt"));
    }

    private RulePlan plan(String condition) {
        return planner.plan(rule("order.status_changed").condition(condition).build(), orderReady(), MEDIA, NOW);
    }
}
