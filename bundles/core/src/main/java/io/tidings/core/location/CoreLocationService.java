package io.tidings.core.location;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.ValidationException;
import io.tidings.api.location.ClosedDate;
import io.tidings.api.location.Location;
import io.tidings.api.location.LocationService;
import io.tidings.api.location.TimeRange;
import io.tidings.core.store.LocationRepository;

/** Locations as administrators manage them, validated as a whole before anything is stored. */
@Component(service = LocationService.class)
public class CoreLocationService implements LocationService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    @Reference
    private LocationRepository store;

    public CoreLocationService() {
    }

    /** Outside OSGi (tests). */
    public CoreLocationService(LocationRepository store) {
        this.store = store;
    }

    @Override
    public List<Location> locations() {
        return store.locations();
    }

    @Override
    public Optional<Location> location(String key) {
        return store.location(key);
    }

    @Override
    public Location save(Location location) {
        Location valid = validate(location);
        store.saveLocation(valid);
        return valid;
    }

    @Override
    public boolean delete(String key) {
        return store.deleteLocation(key);
    }

    /** @return the location with its country in upper case and each day's intervals in order */
    public static Location validate(Location location) {
        if (location == null) {
            throw new ValidationException("body", "a location is required");
        }
        if (location.key() == null || !KEY.matcher(location.key()).matches()) {
            throw new ValidationException("key", "must be 1 to 200 letters, digits, '_', '-' or '.'; was '"
                    + location.key() + "'");
        }
        if (location.name() != null && location.name().length() > 500) {
            throw new ValidationException("name", "must be at most 500 characters");
        }
        if (location.timeZone() == null || location.timeZone().isBlank()) {
            throw new ValidationException("timeZone", "is required, e.g. Europe/Kyiv");
        }
        try {
            ZoneId.of(location.timeZone());
        } catch (DateTimeException e) {
            throw new ValidationException("timeZone", "is not a known time zone, e.g. Europe/Kyiv; was '"
                    + location.timeZone() + "'");
        }
        String country = location.country() == null ? null : location.country().trim().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new ValidationException("country", "must be a two-letter ISO 3166 code, e.g. UA; was '"
                    + location.country() + "'");
        }
        Map<DayOfWeek, List<TimeRange>> hours = new java.util.EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, List<TimeRange>> day : location.workingHours().entrySet()) {
            List<TimeRange> ranges = new ArrayList<>(day.getValue());
            ranges.sort(Comparator.comparing(TimeRange::from));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i).from().isBefore(ranges.get(i - 1).to())) {
                    throw new ValidationException("workingHours." + day.getKey().name().substring(0, 3),
                            ranges.get(i - 1) + " and " + ranges.get(i) + " overlap");
                }
            }
            hours.put(day.getKey(), ranges);
        }
        checkClosedDates(location.closedDates());
        return new Location(location.key(), location.name(), location.timeZone(), country, hours,
                location.closedDates(), location.unit());
    }

    /** At most a few years of closed days, each once, with a short note. */
    private static void checkClosedDates(List<ClosedDate> closed) {
        if (closed.size() > 1000) {
            throw new ValidationException("closedDates", "may list at most 1000 days; was " + closed.size());
        }
        for (int i = 0; i < closed.size(); i++) {
            ClosedDate c = closed.get(i);
            if (i > 0 && closed.get(i - 1).date().equals(c.date())) {
                throw new ValidationException("closedDates", c.date() + " is listed twice");
            }
            if (c.note() != null && c.note().length() > 200) {
                throw new ValidationException("closedDates", "the note of " + c.date() + " must be at most 200 "
                        + "characters");
            }
        }
    }
}
