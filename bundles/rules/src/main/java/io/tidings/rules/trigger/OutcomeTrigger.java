package io.tidings.rules.trigger;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;

/**
 * Call outcomes of a dialer: {@code outcome} ("No answer", "Survey") compared without regard to
 * case with {@code <entity>.outcome}, and {@code contactAttempt} with {@code <entity>.contact_attempt}
 * ("an SMS on the second No answer").
 */
public final class OutcomeTrigger implements TriggerKind {

    @Override
    public boolean appliesTo(NotificationRule rule) {
        return rule.outcome() != null || rule.contactAttempt() != null;
    }

    @Override
    public void validate(NotificationRule rule) {
        if (rule.outcome() != null && (rule.outcome().isBlank() || rule.outcome().length() > 200)) {
            throw new ValidationException("outcome", "must be 1 to 200 characters, e.g. No answer; leave it out for any outcome");
        }
        if (rule.contactAttempt() != null && rule.contactAttempt() < 1) {
            throw new ValidationException("contactAttempt", "must be 1 or more; was " + rule.contactAttempt());
        }
    }

    @Override
    public Trigger create(NotificationRule rule) {
        String outcome = rule.outcome() == null ? null : rule.outcome().trim();
        Integer attempt = rule.contactAttempt();
        return event -> {
            String entity = event.entityName();
            Map<?, ?> snapshot = event.data().get(entity) instanceof Map<?, ?> m ? m : Map.of();
            if (outcome != null) {
                Object actual = snapshot.get("outcome");
                if (actual == null) {
                    return TriggerMatch.missed(entity + ".outcome is missing; the rule wants '" + outcome + "'");
                }
                if (!actual.toString().trim().toLowerCase(Locale.ROOT).equals(outcome.toLowerCase(Locale.ROOT))) {
                    return TriggerMatch.missed(entity + ".outcome is '" + actual + "', not '" + outcome + "'");
                }
            }
            if (attempt != null) {
                Object actual = snapshot.get("contact_attempt");
                if (!sameNumber(actual, attempt)) {
                    return TriggerMatch.missed(entity + ".contact_attempt is " + (actual == null ? "missing" : "'" + actual + "'")
                            + ", not " + attempt);
                }
            }
            return TriggerMatch.fired(event.occurredAt().toInstant());
        };
    }

    private static boolean sameNumber(Object value, int expected) {
        if (value == null) {
            return false;
        }
        try {
            return new BigDecimal(value.toString().trim()).compareTo(BigDecimal.valueOf(expected)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
