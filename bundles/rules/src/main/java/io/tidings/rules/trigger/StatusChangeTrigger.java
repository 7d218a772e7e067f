package io.tidings.rules.trigger;

import java.util.Locale;
import java.util.Map;

import io.tidings.api.BusinessEvent;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;

/**
 * "Status changed to X": narrows the event trigger to events whose entity snapshot
 * ({@code data.<entity>.status}, entity being the part of the type before the dot) has the rule's
 * {@code toStatus}, compared without regard to case because host platforms differ in how they
 * spell their statuses.
 */
public final class StatusChangeTrigger implements TriggerKind {

    @Override
    public boolean appliesTo(NotificationRule rule) {
        return rule.toStatus() != null;
    }

    @Override
    public void validate(NotificationRule rule) {
        if (rule.toStatus().isBlank()) {
            throw new ValidationException("toStatus", "must not be blank; leave it out to match any status");
        }
        if (rule.toStatus().length() > 200) {
            throw new ValidationException("toStatus", "must be at most 200 characters");
        }
    }

    @Override
    public Trigger create(NotificationRule rule) {
        String expected = rule.toStatus().trim();
        return event -> {
            String entity = event.entityName();
            Object status = status(event, entity);
            if (status == null) {
                return TriggerMatch.missed(entity + ".status is missing; the rule wants '" + expected + "'");
            }
            String actual = status.toString().trim();
            if (!actual.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
                return TriggerMatch.missed(entity + ".status is '" + actual + "', not '" + expected + "'");
            }
            return TriggerMatch.fired(event.occurredAt().toInstant());
        };
    }

    private static Object status(BusinessEvent event, String entity) {
        return event.data().get(entity) instanceof Map<?, ?> snapshot ? snapshot.get("status") : null;
    }
}
