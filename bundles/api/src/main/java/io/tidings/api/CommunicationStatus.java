package io.tidings.api;

import java.util.Arrays;
import java.util.Locale;

/**
 * The lifecycle of a communication: SCHEDULED → QUEUED → SENDING → SENT → DELIVERED, or FAILED,
 * CANCELLED, SUPPRESSED, or SENT → BOUNCED.
 */
public enum CommunicationStatus {
    /** Planned for a later moment ({@code notBefore}). */
    SCHEDULED,
    /** Due, waiting for a worker or for a channel (reason "no channel") or for a retry. */
    QUEUED,
    /** Claimed by a worker and handed to a channel. */
    SENDING,
    /** Accepted by the provider. */
    SENT,
    /** The provider reported delivery to the recipient. */
    DELIVERED,
    /** Permanently failed, with the provider's error. */
    FAILED,
    /** Withdrawn before sending (e.g. the appointment was cancelled). */
    CANCELLED,
    /** Never to be sent (no consent, no address), with the reason. */
    SUPPRESSED,
    /** Sent, then returned by the recipient's server as undeliverable for good (a hard bounce), with its diagnostic code. */
    BOUNCED;

    /**
     * A status as people and query strings write it, in any case ({@code sent}); null for none.
     *
     * @throws ValidationException naming {@code status} and the statuses there are
     */
    public static CommunicationStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("status", "must be one of " + Arrays.toString(values()) + ", was '" + text
                    + "'");
        }
    }

    /** True when no further transition is expected from the engine (feedback may still move SENT). */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == CANCELLED || this == SUPPRESSED || this == BOUNCED;
    }
}
