package io.tidings.rules.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import io.tidings.api.location.Location;
import io.tidings.api.location.TimeRange;
import io.tidings.api.rule.QuietHours;

/**
 * The first moment a message may go given the location's working hours and closed dates and the
 * recipient's quiet hours. Local times are turned into instants with {@link ZonedDateTime#of}, so an opening
 * inside a DST gap moves to the end of the gap and one in an overlap takes the earlier offset.
 */
public final class Windows {

    /** How far ahead to look for an allowed moment before giving up (a closed location, windows that never meet). */
    private static final int HORIZON_DAYS = 400;

    /** The hours of a day of a location that sets no working hours. */
    private static final List<TimeRange> ALL_DAY = List.of(new TimeRange(LocalTime.MIN, LocalTime.MAX));

    private Windows() {
    }

    /** The location's zone, null when there is no location or its zone is not valid. */
    public static ZoneId zone(Location location) {
        if (location == null || location.timeZone() == null) {
            return null;
        }
        try {
            return ZoneId.of(location.timeZone());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * @param location   whose working hours apply; null when they do not (no flag, no location)
     * @param quiet      the rule's quiet hours, null for none
     * @param quietZone  the recipient's zone the quiet hours are in
     * @return the first allowed moment at or after {@code from}; null when none within the horizon
     */
    public static Instant firstAllowed(Instant from, Location location, QuietHours quiet, ZoneId quietZone) {
        Instant limit = from.plusSeconds(HORIZON_DAYS * 86_400L);
        Instant candidate = from;
        while (!candidate.isAfter(limit)) {
            Instant open = location == null ? candidate : nextOpening(candidate, location);
            if (open == null) {
                return null;
            }
            Instant allowed = quiet == null || quietZone == null ? open : outsideQuiet(open, quiet, quietZone);
            if (allowed.equals(open)) {
                return open;
            }
            candidate = allowed;
        }
        return null;
    }

    /**
     * The moment itself when the location is open then, else its next opening; null when it never
     * opens. A closed date is closed all day; without working hours every other day is open all day.
     */
    static Instant nextOpening(Instant moment, Location location) {
        ZoneId zone = zone(location);
        if (zone == null || location.workingHours().isEmpty() && location.closedDates().isEmpty()) {
            return moment;
        }
        LocalDate day = moment.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i <= HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (location.closedOn(day)) {
                continue;
            }
            List<TimeRange> ranges = location.workingHours().isEmpty() ? ALL_DAY
                    : location.workingHours().getOrDefault(day.getDayOfWeek(), List.of());
            for (TimeRange range : ranges) {
                Instant start = ZonedDateTime.of(day, range.from(), zone).toInstant();
                Instant end = range.to().equals(LocalTime.MAX)
                        ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(day, range.to(), zone).toInstant();
                if (moment.isBefore(end)) {
                    return moment.isBefore(start) ? start : moment;
                }
            }
        }
        return null;
    }

    /** The moment itself when it is outside the quiet hours, else their end. */
    static Instant outsideQuiet(Instant moment, QuietHours quiet, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalTime from = quiet.from();
        LocalTime to = quiet.to();
        boolean crossesMidnight = from.isAfter(to);
        boolean quietNow = crossesMidnight
                ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
        if (!quietNow) {
            return moment;
        }
        LocalDate endDay = crossesMidnight && !time.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDay, to, zone).toInstant();
    }
}
