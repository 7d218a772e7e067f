package io.tidings.api.location;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import io.tidings.api.ValidationException;

/**
 * A local time interval of one day, {@code from} inclusive to {@code to} exclusive; {@code to} of
 * {@link LocalTime#MAX} is the end of the day (written {@code 24:00}).
 */
public record TimeRange(LocalTime from, LocalTime to) {

    /**
     * Reads {@code 09:00-13:00}.
     *
     * @throws ValidationException naming {@code field} when the text is not such an interval
     */
    public static TimeRange parse(String text, String field) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new ValidationException(field, "must be HH:MM-HH:MM, e.g. 09:00-13:00; was '" + text + "'");
        }
        LocalTime from = time(parts[0], field, text);
        LocalTime to = "24:00".equals(parts[1]) ? LocalTime.MAX : time(parts[1], field, text);
        if (!from.isBefore(to)) {
            throw new ValidationException(field, "must end after it starts; was '" + text + "'");
        }
        return new TimeRange(from, to);
    }

    private static LocalTime time(String value, String field, String text) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be HH:MM-HH:MM, e.g. 09:00-13:00; was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return from + "-" + (to.equals(LocalTime.MAX) ? "24:00" : to.toString());
    }
}
