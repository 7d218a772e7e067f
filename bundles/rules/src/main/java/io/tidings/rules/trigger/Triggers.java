package io.tidings.rules.trigger;

import java.util.List;

import io.tidings.api.rule.NotificationRule;

/** The trigger kinds the engine knows, in the order they are tested (cheapest first). */
public final class Triggers {

    private final List<TriggerKind> kinds;

    public Triggers() {
        this(List.of(new EventTypeTrigger(), new StatusChangeTrigger(), new OutcomeTrigger(), new ReminderTrigger()));
    }

    public Triggers(List<TriggerKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public void validate(NotificationRule rule) {
        for (TriggerKind kind : kinds) {
            if (kind.appliesTo(rule)) {
                kind.validate(rule);
            }
        }
    }

    /** The rule's trigger: every applicable kind must fire. Assumes {@link #validate} passed. */
    public Trigger of(NotificationRule rule) {
        return of(rule, false);
    }

    /**
     * @param reminderUpdate true to test only what a pending reminder needs (its time field): a
     *                       later event of the entity, whatever its type or status, moves the reminder
     */
    public Trigger of(NotificationRule rule, boolean reminderUpdate) {
        Trigger trigger = null;
        for (TriggerKind kind : kinds) {
            if (kind.appliesTo(rule) && (!reminderUpdate || kind instanceof ReminderTrigger)) {
                Trigger next = kind.create(rule);
                trigger = trigger == null ? next : trigger.and(next);
            }
        }
        return trigger == null ? event -> TriggerMatch.missed("the rule is not a reminder") : trigger;
    }
}
