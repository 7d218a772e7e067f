package io.tidings.rules.engine;

import static io.tidings.rules.Fixtures.NOW;
import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;

public class RuleEngineComponentTest {

    private static RuleEngineComponent.Config config(long timeLimitMillis, int cacheSize) {
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
}
