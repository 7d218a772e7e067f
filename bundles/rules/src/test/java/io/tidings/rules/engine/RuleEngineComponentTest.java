package io.tidings.rules.engine;

import static io.tidings.rules.Fixtures.NOW;
import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.PlannedMessage;

public class RuleEngineComponentTest {

    private static RuleEngineComponent.Config config(long timeLimitMillis, int cacheSize) {
        return config(timeLimitMillis, cacheSize, "");
    }

    private static RuleEngineComponent.Config config(long timeLimitMillis, int cacheSize, String defaultRegion) {
        return new RuleEngineComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RuleEngineComponent.Config.class;
            }

            @Override
            public long conditionTimeLimitMillis() {
                return timeLimitMillis;
            }

            @Override
            public int conditionCacheSize() {
                return cacheSize;
            }

            @Override
            public String defaultRegion() {
                return defaultRegion;
            }
        };
    }

    @Test
    public void configuredComponentPlans() {
        RuleEngineComponent component = new RuleEngineComponent();
        component.configure(config(250, 1000));
        assertTrue(component.plan(rule("order.created").condition("order == null").recipients("kasse@salon.dk").build(),
                event("order.created").build(), Map.of("order-email", Medium.EMAIL), NOW).matched());
        component.validate(rule("order.created").build());
    }

    @Test
    public void badConfigurationNamesTheProperty() {
        try {
            new RuleEngineComponent().configure(config(0, 1000));
            fail();
        } catch (ValidationException e) {
            assertEquals("conditionTimeLimitMillis", e.field());
        }
        try {
            new RuleEngineComponent().configure(config(250, 0));
            fail();
        } catch (ValidationException e) {
            assertEquals("conditionCacheSize", e.field());
        }
    }

    @Test
    public void theDefaultRegionReadsNumbersWithoutACountryCodeForPlanningAndForTheEngine() {
        RuleEngineComponent component = new RuleEngineComponent();
        component.configure(config(250, 1000, "ua"));
        assertEquals(Optional.of("+380671234567"), component.canonical("067 123 45 67", null));
        assertEquals("the event's country comes first", Optional.of("+4520123456"), component.canonical("20 12 34 56", "DK"));
        assertEquals(Optional.of("olena@example.ua"), component.canonical(" olena@example.ua ", null));

        PlannedMessage sms = component.plan(rule("order.created").templates("order-sms").build(),
                event("order.created").data("contact_information", map("phone", "(067) 123-45-67",
                        "consent", map("sms", true))).build(), Map.of("order-sms", Medium.SMS), NOW).messages().get(0);
        assertEquals("+380671234567", sms.recipient());

        component.configure(config(250, 1000, ""));
        assertEquals("no region: a national number cannot be read", Optional.empty(),
                component.canonical("067 123 45 67", null));
        assertEquals(Optional.of("+380671234567"), component.canonical("+380 67 123 45 67", null));
    }

    @Test
    public void anUnknownDefaultRegionIsRefusedNamingTheProperty() {
        try {
            new RuleEngineComponent().configure(config(250, 1000, "Ukraine"));
            fail();
        } catch (ValidationException e) {
            assertEquals("defaultRegion", e.field());
        }
    }
}
