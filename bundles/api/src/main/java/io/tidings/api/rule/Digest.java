package io.tidings.api.rule;

import java.time.Duration;

import io.tidings.api.ValidationException;

/**
 * Gathers a contact's messages of one rule into one: the first matching event opens a window of
 * {@code window}, later ones join it, and at its end one message is rendered with
 * {@code #digest.items} (each item an event's data) and {@code #digest.count}.
 *
 * @param window positive, at most {@link #LONGEST}
 */
public record Digest(Duration window) {

    /** The longest window: a digest must not hold a customer's news for longer than a week. */
    public static final Duration LONGEST = Duration.ofDays(7);

    public Digest {
        if (window == null || window.isZero() || window.isNegative() || window.compareTo(LONGEST) > 0) {
            throw new ValidationException("digest.window", "must be a positive ISO-8601 duration of at most P7D "
                    + "such as PT15M, PT1H or P1D, was " + (window == null ? "nothing" : window));
        }
    }
}
