package io.tidings.rules.trigger;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;

/**
 * A kind of trigger (event type, status change, ...) reading its own fields of a rule. A rule's
 * trigger is every kind that applies to it, all of which must fire. A new kind (a reminder relative
 * to a time field, a call outcome) is a new implementation listed in {@link Triggers}.
 */
public interface TriggerKind {

    /** Whether the rule uses this kind (its fields are set). */
    boolean appliesTo(NotificationRule rule);

    /** @throws ValidationException naming the rule field at fault */
    void validate(NotificationRule rule);

    /** Called only for a rule this kind applies to and that passed {@link #validate}. */
    Trigger create(NotificationRule rule);
}
