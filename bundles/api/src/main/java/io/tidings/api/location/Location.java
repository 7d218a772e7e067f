package io.tidings.api.location;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A place of business events refer to by {@code key} (the event's {@code location}).
 *
 * @param timeZone     an IANA zone, e.g. {@code Europe/Kyiv}: working hours and reminder times are in it
 * @param country      ISO 3166 code, e.g. {@code UA}
 * @param workingHours per day, the open intervals; a day without intervals is closed; an empty map
 *                     means no working hours are set (always open)
 * @param closedDates  whole days the location is closed whatever its working hours, in date order
 *                     (since API 1.1)
 * @param unit         the organisational unit it belongs to; null for none (head office) (since API 1.2)
 */
public record Location(String key, String name, String timeZone, String country,
        Map<DayOfWeek, List<TimeRange>> workingHours, List<ClosedDate> closedDates, String unit) {

    public Location {
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        if (workingHours != null) {
            workingHours.forEach((day, ranges) -> copy.put(day, ranges == null ? List.of() : List.copyOf(ranges)));
        }
        workingHours = Collections.unmodifiableMap(copy);
        closedDates = closedDates == null ? List.of()
                : closedDates.stream().sorted(Comparator.comparing(ClosedDate::date)).toList();
    }

    /** A location of no unit (the signature of API 1.1). */
    public Location(String key, String name, String timeZone, String country,
            Map<DayOfWeek, List<TimeRange>> workingHours, List<ClosedDate> closedDates) {
        this(key, name, timeZone, country, workingHours, closedDates, null);
    }

    /** The same location in another unit (null for none). */
    public Location withUnit(String newUnit) {
        return new Location(key, name, timeZone, country, workingHours, closedDates, newUnit);
    }

    /** A location without closed dates (the signature before API 1.1). */
    public Location(String key, String name, String timeZone, String country,
            Map<DayOfWeek, List<TimeRange>> workingHours) {
        this(key, name, timeZone, country, workingHours, List.of());
    }

    /** Whether the location is closed all of that local day. */
    public boolean closedOn(LocalDate date) {
        return closedDates.stream().anyMatch(c -> c.date().equals(date));
    }

    /** The same location under another key (copies). */
    public Location withKey(String newKey) {
        return new Location(newKey, name, timeZone, country, workingHours, closedDates, unit);
    }
}
