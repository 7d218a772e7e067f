package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;

/** The warning that two rules would both match one event, as after a copy to locations. */
public class RuleOverlapsTest {

    private static NotificationRule rule(String key, List<String> locations, String condition, boolean enabled) {
        return new NotificationRule(key, key, "order.status_changed", "ready", locations, condition, List.of("sms"),
                null, Purpose.TRANSACTIONAL, null, enabled);
    }

    @Test
    public void aCopyToALocationAndItsOriginalForEveryLocationBothMatch() {
        NotificationRule original = rule("ready", List.of(), "order.total > 100", true);
        NotificationRule copy = original.withKeyAndLocations("ready-lviv", List.of("lviv"));

        List<RuleOverlaps.Overlap> overlaps = RuleOverlaps.among(List.of(original, copy));

        assertEquals(1, overlaps.size());
        assertEquals("lviv", overlaps.get(0).where());
        assertEquals("Warning: rules ready and ready-lviv both match order.status_changed at lviv: a customer gets"
                + " the messages of both.", overlaps.get(0).warning());
    }

    @Test
    public void sharedLocationsOverlapAndDisjointOnesDoNot() {
        assertTrue(RuleOverlaps.overlap(rule("a", List.of("kyiv", "lviv"), null, true),
                rule("b", List.of("lviv", "odesa"), "  ", true)));
        assertFalse(RuleOverlaps.overlap(rule("a", List.of("kyiv"), null, true), rule("b", List.of("lviv"), null, true)));
    }

    @Test
    public void anotherConditionStatusOrADisabledRuleDoesNotOverlap() {
        NotificationRule original = rule("a", List.of(), "order.total > 100", true);
        assertFalse(RuleOverlaps.overlap(original, rule("b", List.of(), "order.total > 500", true)));
        assertFalse(RuleOverlaps.overlap(original, rule("b", List.of(), "order.total > 100", false)));
        assertTrue(RuleOverlaps.overlap(original, rule("b", List.of(), "order.total  >  100", true)));
        assertEquals(List.of(), RuleOverlaps.involving(List.of(original, rule("b", List.of(), "order.total > 100", true)),
                List.of("c")));
    }
}
