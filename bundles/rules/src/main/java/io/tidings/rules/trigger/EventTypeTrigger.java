package io.tidings.rules.trigger;

import java.util.regex.Pattern;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;

/** Fires on events whose type is exactly the rule's {@code event}. Every rule has one. */
public final class EventTypeTrigger implements TriggerKind {

    /** The same shape {@link io.tidings.api.BusinessEvent#validate()} accepts for an event type. */
    static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_.]*");

    @Override
    public boolean appliesTo(NotificationRule rule) {
        return true;
    }

    @Override
    public void validate(NotificationRule rule) {
        String event = rule.event();
        if (event == null || event.isBlank()) {
            throw new ValidationException("event", "is required, e.g. order.status_changed");
        }
        if (event.length() > 200 || !EVENT_TYPE.matcher(event).matches()) {
            throw new ValidationException("event",
                    "must be <entity>.<event> in lower case, e.g. order.status_changed; was '" + event + "'");
        }
    }

    @Override
    public Trigger create(NotificationRule rule) {
        String expected = rule.event();
        return event -> expected.equals(event.type())
                ? TriggerMatch.fired(event.occurredAt().toInstant())
                : TriggerMatch.missed("event type " + event.type() + " is not " + expected);
    }
}
