package io.tidings.rules.engine;

import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.List;

import org.junit.Test;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.rules.Fixtures.RuleBuilder;

public class RuleValidationTest {

    private final RulePlanner engine = new RulePlanner(Duration.ofMillis(250), 100);

    private static RuleBuilder valid() {
        return rule("order.status_changed").key("zamovlennia-gotove").toStatus("Готове").locations("kyiv-center")
                .condition("order.total > 100 && contact_information.segment == 'vip'")
                .templates("order-ready-email", "order-ready-sms")
                .recipients("contact_information", "order.manager_email", "servis@remont.ua", "+380441234567")
                .purpose(Purpose.TRANSACTIONAL).delay(Duration.ofMinutes(10));
    }

    @Test
    public void aCompleteRuleIsValid() {
        engine.validate(valid().build());
        engine.validate(rule("booking.reminder_due").build());
    }

    @Test
    public void key() {
        assertInvalid(valid().key(null), "key", "is required");
        assertInvalid(valid().key("замовлення"), "key", "must be 1 to 100");
        assertInvalid(valid().key("a b"), "key", "must be 1 to 100");
        assertInvalid(valid().key("k".repeat(101)), "key", "must be 1 to 100");
        engine.validate(valid().key("k".repeat(100)).build());
    }

    @Test
    public void event() {
        assertInvalid(rule(null), "event", "is required");
        assertInvalid(rule("order"), "event", "must be <entity>.<event>");
        assertInvalid(rule("Order.Created"), "event", "was 'Order.Created'");
        assertInvalid(rule("order.*"), "event", "must be <entity>.<event>");
    }

    @Test
    public void aDigestCannotHoldReminders() {
        engine.validate(valid().digest(java.time.Duration.ofHours(1)).build());
        assertInvalid(valid().delay(null).digest(java.time.Duration.ofHours(1)).reminder(new io.tidings.api.rule.Reminder(
                "booking.start_at", java.time.Duration.ofHours(2), null, null)), "digest", "remove the digest or the reminder");
    }

    @Test
    public void toStatus() {
        assertInvalid(valid().toStatus("  "), "toStatus", "must not be blank");
    }

    @Test
    public void locations() {
        assertInvalid(valid().locations("kyiv", " "), "locations[1]", "must not be blank");
    }

    @Test
    public void conditionSyntaxErrorWithPosition() {
        ValidationException e = assertInvalid(valid().condition("order.total > 100 &&"), "condition", "parsing error");
        assertEquals(1, e.line());
        assertTrue(e.column() > 0);
        assertInvalid(valid().condition("new('java.io.File', '/tmp/x')"), "condition", "not allowed");
    }

    @Test
    public void templates() {
        assertInvalid(valid().templates(), "templates", "at least one template");
        assertInvalid(valid().templates("ok", "not a key"), "templates[1]", "must be a template key");
    }

    @Test
    public void recipientsNameTheEntry() {
        assertInvalid(valid().recipients("contact_information", "order manager"), "recipients[1]", "neither a data field");
        assertInvalid(valid().recipients("a@b"), "recipients[0]", "not a valid email address");
        assertInvalid(valid().recipients("contact_information", "x", "+38 044"), "recipients[2]", "international form");
        assertInvalid(valid().recipients("order..email"), "recipients[0]", "neither a data field");
    }

    @Test
    public void recipientsDefaultToTheContact() {
        NotificationRule rule = valid().recipients(List.of()).build();
        assertEquals(List.of("contact_information"), rule.recipients());
        engine.validate(rule);
    }

    @Test
    public void delay() {
        assertInvalid(valid().delay(Duration.ofMinutes(-5)), "delay", "must not be negative");
        engine.validate(valid().delay(Duration.ZERO).build());
    }

    @Test
    public void purposeIsAlwaysSet() {
        assertEquals(Purpose.TRANSACTIONAL, valid().purpose(null).build().purpose());
    }

    @Test
    public void nullRule() {
        try {
            engine.validate(null);
            fail();
        } catch (ValidationException e) {
            assertEquals("rule", e.field());
        }
    }

    private ValidationException assertInvalid(RuleBuilder rule, String field, String message) {
        try {
            engine.validate(rule.build());
            fail("expected an error on " + field);
            return null;
        } catch (ValidationException e) {
            assertEquals(e.getMessage(), field, e.field());
            assertTrue(e.getMessage(), e.getMessage().contains(message));
            return e;
        }
    }
}
