package io.tidings.api.rule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import io.tidings.api.ValidationException;

/**
 * A rule's durations and times as an administrator writes them, in the REST API's JSON or the web
 * console's form: read one way, with the field named in every error.
 */
public final class RuleText {

    private RuleText() {
    }

    /**
     * An ISO-8601 duration ({@code PT2H}); null when the text is null or blank.
     *
     * @param examples what the error offers instead, e.g. {@code PT2H or P1D}
     * @throws ValidationException naming {@code field} when the text is no duration
     */
    public static Duration duration(String text, String field, String examples) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 duration such as " + examples + "; was '" + text
                    + "'");
        }
    }

    /**
     * A rule's {@code delay}: a duration that is not negative; null for none.
     *
     * @throws ValidationException naming {@code delay}
     */
    public static Duration delay(String text) {
        Duration delay = duration(text, "delay", "PT30M, PT1H or P1D");
        if (delay != null && delay.isNegative()) {
            throw new ValidationException("delay", "must not be negative; was '" + text + "'");
        }
        return delay;
    }

    /**
     * A local time {@code HH:MM}; null when the text is null or blank.
     *
     * @throws ValidationException naming {@code field} when the text is no such time
     */
    public static LocalTime time(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a local time HH:MM, e.g. 13:00; was '" + text + "'");
        }
    }
}
