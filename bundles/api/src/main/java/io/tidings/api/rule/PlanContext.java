package io.tidings.api.rule;

import java.util.function.BiPredicate;

import io.tidings.api.Purpose;
import io.tidings.api.location.Location;

/**
 * What the engine knows beyond the rule and the event.
 *
 * @param location       the event's location as configured (time zone, working hours); null when unknown
 * @param optedOut       whether an address opted out of a purpose through Tidings; null for nobody
 * @param reminderUpdate true when re-planning a reminder that is already pending for the entity: the
 *                       event type need not be the rule's (a {@code booking.rescheduled} moves the
 *                       reminder a {@code booking.confirmed} scheduled)
 * @param optedIn        whether an address opted in to a purpose through Tidings (a dynamic link),
 *                       which grants that purpose's consent whatever the host's flags say; null for nobody
 */
public record PlanContext(Location location, BiPredicate<String, Purpose> optedOut, boolean reminderUpdate,
        BiPredicate<String, Purpose> optedIn) {

    private static final PlanContext NONE = new PlanContext(null, null, false, null);

    /** A context without Tidings opt-ins (the signature of API 1.1). */
    public PlanContext(Location location, BiPredicate<String, Purpose> optedOut, boolean reminderUpdate) {
        this(location, optedOut, reminderUpdate, null);
    }

    public static PlanContext none() {
        return NONE;
    }

    public boolean isOptedOut(String address, Purpose purpose) {
        return optedOut != null && address != null && optedOut.test(address, purpose);
    }

    public boolean isOptedIn(String address, Purpose purpose) {
        return optedIn != null && address != null && optedIn.test(address, purpose);
    }
}
