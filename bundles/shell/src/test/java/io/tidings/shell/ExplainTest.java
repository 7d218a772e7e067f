package io.tidings.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RulePlan;

public class ExplainTest {

    private static final String EVENT = "{\"id\":\"e-1\",\"type\":\"order.status_changed\","
            + "\"occurredAt\":\"2026-11-24T09:00:00+02:00\",\"location\":\"kyiv\","
            + "\"entity\":{\"type\":\"order\",\"id\":4711},"
            + "\"data\":{\"contact_information\":{\"name\":\"Олена\",\"language\":\"uk\"}}}";

    @Test
    public void readsTheEventOfPostEventsInlineAndFromAFile() throws IOException {
        BusinessEvent inline = EventInput.read(EVENT, null);
        assertEquals("order.status_changed", inline.type());
        assertEquals(OffsetDateTime.parse("2026-11-24T09:00:00+02:00"), inline.occurredAt());
        assertEquals("4711", inline.entity().id());
        assertEquals("Олена", ((Map<?, ?>) inline.data().get("contact_information")).get("name"));
        Path file = Files.createTempFile("event", ".json");
        try {
            Files.writeString(file, EVENT, StandardCharsets.UTF_8);
            assertEquals(inline, EventInput.read(null, file.toString()));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void badEventsNameTheFieldAtFault() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventInput.read("{\"typ\":\"x\"}", null))
                .getMessage().startsWith("unknown field 'typ'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EventInput.read("{\"occurredAt\":\"tomorrow\"}", null)).getMessage().startsWith("occurredAt:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventInput.read("{\"entity\":{\"id\":1}}", null))
                .getMessage().startsWith("entity:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EventInput.read("{\"id\":", null))
                .getMessage().startsWith("--data (line 1"));
    }

    @Test
    public void saysWhoGetsWhatWhenAndWhyNot() {
        Instant at = Instant.parse("2026-11-24T07:00:00Z");
        List<RulePlan> plans = List.of(RulePlan.noMatch("order-created", "trigger: the rule wants order.created"),
                new RulePlan("order-ready", true, null, List.of(
                        new PlannedMessage("order_ready", Medium.EMAIL, "olena@example.com", "Олена", "uk", at, null),
                        new PlannedMessage("order_ready_sms", Medium.SMS, null, "Олена", "uk", at, "no phone number"))));
        assertEquals(List.of("Rule order-created: no match - trigger: the rule wants order.created",
                "Rule order-ready: matches, 2 messages",
                "  EMAIL order_ready to olena@example.com (Олена), language uk, not before 2026-11-24T07:00:00Z",
                "  SMS order_ready_sms to (no address) (Олена), language uk: not sent - no phone number"),
                ExplainOutput.lines(plans));
        assertEquals(List.of("No rules: nothing would be sent"), ExplainOutput.lines(List.of()));
    }
}
