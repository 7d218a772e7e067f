package io.tidings.api.rule;

import java.time.Instant;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;

/** Matches events against rules and plans their messages (implemented by the rules bundle). */
@ProviderType
public interface RuleEngine {

    /**
     * Checks a rule on its own (trigger, condition syntax, delay, recipients).
     *
     * @throws ValidationException naming the field
     */
    void validate(NotificationRule rule);

    /**
     * Plans without a location, opt-outs or pending reminders.
     *
     * @param media the medium of each of the rule's templates, by template key
     * @param now   the current moment (a controllable clock in tests)
     */
    default RulePlan plan(NotificationRule rule, BusinessEvent event, Map<String, Medium> media, Instant now) {
        return plan(rule, event, media, now, PlanContext.none());
    }

    /**
     * @param context the event's location, the opt-outs, whether a pending reminder is re-planned
     */
    RulePlan plan(NotificationRule rule, BusinessEvent event, Map<String, Medium> media, Instant now,
            PlanContext context);
}
