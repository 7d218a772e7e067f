package io.tidings.core.plan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitTree;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlanContext;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RulePlan;

/** Units decide which rules apply to an event: those of its unit, of the units above it, and of none. */
public class UnitRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** Plans one SMS for every rule it is asked about: what is left to decide is which rules are asked. */
    private static final RuleEngine EVERY_RULE = new RuleEngine() {
        @Override
        public void validate(NotificationRule rule) {
        }

        @Override
        public RulePlan plan(NotificationRule rule, BusinessEvent event, Map<String, Medium> media, Instant now,
                PlanContext context) {
            return new RulePlan(rule.key(), true, null, List.of(new PlannedMessage("sms", Medium.SMS, "+4520123456",
                    "Søren", "da", now, null)));
        }
    };

    private static final UnitTree TREE = new UnitTree(List.of(new Unit("head", "Head office", null),
            new Unit("north", "North", "head"), new Unit("south", "South", "head"),
            new Unit("shop-n1", "Shop N1", "north")));

    private static NotificationRule rule(String key, String unit) {
        return new NotificationRule(key, key, "order.created", null, List.of(), null, List.of("sms"), null,
                Purpose.TRANSACTIONAL, null, true).withUnit(unit);
    }

    private static final List<NotificationRule> RULES = List.of(rule("everyone", null), rule("head", "head"),
            rule("north", "north"), rule("south", "south"), rule("shop", "shop-n1"));

    private static BusinessEvent event(String unit) {
        return new BusinessEvent("e-" + unit, "order.created", OffsetDateTime.parse("2026-12-07T12:00:00+02:00"), null,
                new EntityRef("order", "1"), Map.of()).withUnit(unit);
    }

    private static Planner planner() {
        Planner planner = new Planner(EVERY_RULE, null, Clock.fixed(NOW, ZoneOffset.UTC));
        planner.unitLineage(TREE::lineage);
        return planner;
    }

    @Test
    public void aShopsEventMatchesItsOwnAndItsAncestorsRulesAndCarriesItsUnit() {
        List<Communication> planned = planner().plan(event("shop-n1"), RULES, key -> Optional.empty());

        assertEquals(List.of("everyone", "head", "north", "shop"), planned.stream().map(Communication::ruleKey).toList());
        assertTrue(planned.stream().allMatch(c -> "shop-n1".equals(c.unit())));
    }

    @Test
    public void anEventOfNoUnitMatchesOnlyRulesOfNoUnit() {
        List<Communication> planned = planner().plan(event(null), RULES, key -> Optional.empty());

        assertEquals(List.of("everyone"), planned.stream().map(Communication::ruleKey).toList());
        assertEquals(null, planned.get(0).unit());
    }

    @Test
    public void explainSaysWhyAnotherUnitsRuleDoesNotApply() {
        List<RulePlan> plans = planner().explain(event("north"), RULES, key -> Optional.empty());

        RulePlan south = plans.stream().filter(p -> p.ruleKey().equals("south")).findFirst().orElseThrow();
        assertFalse(south.matched());
        assertTrue(south.reason(), south.reason().contains("unit 'south'"));
        assertEquals(List.of("everyone", "head", "north"), plans.stream().filter(RulePlan::matched)
                .map(RulePlan::ruleKey).toList());
    }
}
