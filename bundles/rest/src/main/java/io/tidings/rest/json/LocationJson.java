package io.tidings.rest.json;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.ValidationException;
import io.tidings.api.location.ClosedDate;
import io.tidings.api.location.Location;
import io.tidings.api.location.TimeRange;

/**
 * {@code {"key","name","timeZone":"Europe/Kyiv","country":"UA","workingHours":{"MON":["09:00-13:00","14:00-18:00"],…,"SUN":[]},
 * "closedDates":["2026-08-24 День Незалежності","2026-12-25"],"unit"}}: each closed date an ISO date and an optional note.
 */
public final class LocationJson {

    private LocationJson() {
    }

    public static Location read(JsonNode body) {
        Fields f = Fields.root(body).only("key", "name", "timeZone", "country", "workingHours", "closedDates", "unit");
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        Fields days = f.object("workingHours");
        if (days != null) {
            Iterator<Map.Entry<String, JsonNode>> members = days.members();
            while (members.hasNext()) {
                String day = members.next().getKey();
                DayOfWeek dayOfWeek = day(day, days.name(day));
                List<String> ranges = days.texts(day);
                List<TimeRange> parsed = new ArrayList<>();
                for (int i = 0; ranges != null && i < ranges.size(); i++) {
                    parsed.add(TimeRange.parse(ranges.get(i), days.name(day) + "[" + i + "]"));
                }
                if (hours.put(dayOfWeek, parsed) != null) {
                    throw new ValidationException(days.name(day), "names a day given already");
                }
            }
        }
        List<String> closed = f.texts("closedDates");
        List<ClosedDate> dates = new ArrayList<>();
        for (int i = 0; closed != null && i < closed.size(); i++) {
            dates.add(ClosedDate.parse(closed.get(i), f.name("closedDates") + "[" + i + "]"));
        }
        return new Location(f.text("key"), f.text("name"), f.text("timeZone"), f.text("country"), hours, dates,
                TemplateJson.blankToNull(f.text("unit")));
    }

    private static DayOfWeek day(String name, String field) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        throw new ValidationException(field, "is not a day: use MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    public static ObjectNode write(Location location) {
        ObjectNode json = JsonCodec.object();
        json.put("key", location.key());
        json.put("name", location.name());
        json.put("timeZone", location.timeZone());
        json.put("country", location.country());
        ObjectNode hours = json.putObject("workingHours");
        location.workingHours().forEach((day, ranges) -> {
            var array = hours.putArray(day.name().substring(0, 3));
            ranges.forEach(r -> array.add(r.toString()));
        });
        var closed = json.putArray("closedDates");
        location.closedDates().forEach(c -> closed.add(c.toString()));
        json.put("unit", location.unit());
        return json;
    }
}
