package io.tidings.api.run;

import java.time.Instant;

import io.tidings.api.Purpose;

/**
 * A notification run: the events a host sent as one campaign or cycle, and through them their
 * communications.
 *
 * @param key         the host's key, e.g. {@code bills-2026-03}
 * @param name        what administrators call it
 * @param purpose     what it is for (reported; consent is the rules' business); null when not said
 * @param sendAt      nothing of the run goes out before this (working and quiet hours still apply
 *                    per recipient); null to send as planned
 * @param createdAt   when it was opened
 * @param createdBy   the user or key that opened it
 * @param closedAt    when it stopped taking events; null while open
 * @param cancelledAt when what was not yet sent was cancelled; null when not cancelled
 */
public record NotificationRun(String key, String name, Purpose purpose, Instant sendAt, Instant createdAt,
        String createdBy, Instant closedAt, Instant cancelledAt) {

    public boolean open() {
        return closedAt == null && cancelledAt == null;
    }
}
