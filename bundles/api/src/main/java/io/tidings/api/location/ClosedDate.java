package io.tidings.api.location;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.tidings.api.ValidationException;

/**
 * A whole local day a location is closed (a holiday, an inventory day), whatever its working hours.
 *
 * @param date the day in the location's time zone
 * @param note why, e.g. {@code Juleaften}; null for none
 */
public record ClosedDate(LocalDate date, String note) {

    public ClosedDate {
        if (date == null) {
            throw new ValidationException("date", "is required");
        }
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /**
     * Reads {@code 2026-12-24} or {@code 2026-12-24 Juleaften} (an ISO date, then an optional note).
     *
     * @throws ValidationException naming {@code field} when it does not start with an ISO date
     */
    public static ClosedDate parse(String text, String field) {
        String trimmed = text == null ? "" : text.strip();
        int space = trimmed.indexOf(' ');
        String day = space < 0 ? trimmed : trimmed.substring(0, space);
        try {
            return new ClosedDate(LocalDate.parse(day), space < 0 ? null : trimmed.substring(space + 1));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date as YYYY-MM-DD, optionally followed by a note, e.g. "
                    + "2026-12-24 Christmas Eve; was '" + text + "'");
        }
    }

    /** As {@link #parse} reads it. */
    @Override
    public String toString() {
        return note == null ? date.toString() : date + " " + note;
    }
}
