package io.tidings.api.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An HTTP provider's {@code Retry-After} answer (RFC 9110: seconds, or an HTTP date) as the wait a
 * {@link SendResult} carries, for channels that speak HTTP.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * @param value the header's value; null or blank when the provider sent none
     * @param now   the time the answer arrived, against which a date is measured
     * @return the wait (zero for a date already past); null when absent or unreadable, which lets the
     *         engine's backoff decide
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(now,
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
