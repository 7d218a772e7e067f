package io.tidings.rules.trigger;

import io.tidings.api.BusinessEvent;

/** One rule's trigger, ready to test events. Stateless: one instance may serve many threads. */
@FunctionalInterface
public interface Trigger {

    TriggerMatch test(BusinessEvent event);

    /**
     * Both must fire; the anchor of {@code next} wins, so a narrowing kind (a reminder) can move the
     * moment the schedule counts from.
     */
    default Trigger and(Trigger next) {
        return event -> {
            TriggerMatch first = test(event);
            return first.matched() ? next.test(event) : first;
        };
    }
}
