package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.tidings.api.location.ClosedDate;
import io.tidings.api.location.Location;
import io.tidings.api.location.TimeRange;
import io.tidings.core.store.LocationRepository;

/** Locations (time zone, working hours, closed dates) over JDBC. */
public final class JdbcLocations implements LocationRepository {

    private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {
    };

    private static final TypeReference<List<String>> DATES = new TypeReference<>() {
    };

    private final Transactions tx;

    JdbcLocations(Transactions tx) {
        this.tx = tx;
    }

    private static final String LOCATION_COLUMNS = "location_key, name, time_zone, country, working_hours, closed_dates, unit";

    @Override
    public List<Location> locations() {
        return tx.transaction(c -> {
            List<Location> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + LOCATION_COLUMNS + " FROM tidings_location ORDER BY location_key");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(location(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<Location> location(String key) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + LOCATION_COLUMNS + " FROM tidings_location WHERE location_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(location(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveLocation(Location location) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        location.workingHours().forEach((day, ranges) -> hours.put(day.name(),
                ranges.stream().map(TimeRange::toString).toList()));
        tx.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tidings_location WHERE location_key = ?")) {
                delete.setString(1, location.key());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_location (" + LOCATION_COLUMNS
                    + ", updated_at) VALUES (?,?,?,?,?,?,?,?)")) {
                bind(insert, location.key(), location.name(), location.timeZone(), location.country(), tx.write(hours),
                        tx.write(location.closedDates().stream().map(ClosedDate::toString).toList()), location.unit(),
                        tx.millis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean deleteLocation(String key) {
        return tx.update("DELETE FROM tidings_location WHERE location_key = ?", key) > 0;
    }

    private Location location(ResultSet rs) throws SQLException {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        tx.read(rs.getString(5), HOURS).forEach((day, ranges) -> hours.put(DayOfWeek.valueOf(day),
                ranges.stream().map(r -> TimeRange.parse(r, "workingHours." + day)).toList()));
        String closed = rs.getString(6);
        List<ClosedDate> dates = closed == null ? List.of()
                : tx.read(closed, DATES).stream().map(d -> ClosedDate.parse(d, "closedDates")).toList();
        return new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), hours, dates, rs.getString(7));
    }
}
