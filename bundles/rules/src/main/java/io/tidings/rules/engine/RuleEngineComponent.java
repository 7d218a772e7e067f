package io.tidings.rules.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.contact.ContactAddresses;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlanContext;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RulePlan;
import io.tidings.rules.recipient.CanonicalAddresses;

/**
 * The rule engine as a service; the work is done by {@link RulePlanner}. It also publishes how it
 * writes recipients' addresses ({@link ContactAddresses}), so that the engine's opt-outs, erasure and
 * look-ups bring their input to the same form with the same default region.
 */
@Component(service = {RuleEngine.class, ContactAddresses.class}, configurationPid = RuleEngineComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RuleEngineComponent.Config.class)
public class RuleEngineComponent implements RuleEngine, ContactAddresses {

    static final String PID = "io.tidings.rules";

    @ObjectClassDefinition(name = "Tidings rule engine",
            description = "Matches events against notification rules and plans their messages.")
    public @interface Config {

        @AttributeDefinition(name = "Condition time limit (ms)", min = "1",
                description = "How long one condition may run before it counts as failed (bounds regular-expression matches).")
        long conditionTimeLimitMillis() default 250;

        @AttributeDefinition(name = "Condition cache size", min = "1",
                description = "How many compiled conditions are kept, by their text.")
        int conditionCacheSize() default 1000;

        @AttributeDefinition(name = "Default region", required = false,
                description = "ISO 3166 country (e.g. UA) for phone numbers written without a country code when the "
                        + "event's location names no country (data.location.country, the location's country); also for "
                        + "numbers given to erasure, opt-outs and look-ups. Empty: such numbers cannot be read, and "
                        + "their messages are suppressed.")
        String defaultRegion() default "";
    }

    private volatile RulePlanner planner;

    @Activate
    @Modified
    void configure(Config config) {
        if (config.conditionTimeLimitMillis() < 1) {
            throw new ValidationException("conditionTimeLimitMillis", "must be at least 1");
        }
        if (config.conditionCacheSize() < 1) {
            throw new ValidationException("conditionCacheSize", "must be at least 1");
        }
        planner = new RulePlanner(Duration.ofMillis(config.conditionTimeLimitMillis()), config.conditionCacheSize(),
                new CanonicalAddresses(config.defaultRegion()));
    }

    @Override
    public Optional<String> canonical(String address, String country) {
        return planner.addresses().canonical(address, country);
    }

    @Override
    public void validate(NotificationRule rule) {
        planner.validate(rule);
    }

    @Override
    public RulePlan plan(NotificationRule rule, BusinessEvent event, Map<String, Medium> media, Instant now,
            PlanContext context) {
        return planner.plan(rule, event, media, now, context);
    }
}
