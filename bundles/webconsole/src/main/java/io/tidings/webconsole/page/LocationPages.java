package io.tidings.webconsole.page;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.tidings.api.ValidationException;
import io.tidings.api.location.ClosedDate;
import io.tidings.api.location.Location;
import io.tidings.api.location.LocationService;
import io.tidings.api.location.TimeRange;
import io.tidings.api.rule.NotificationRule;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * Locations: the list with each one's working hours and the rules scoped to it, a form that
 * creates or edits one (time zone, country, the open intervals of each weekday, closed dates), and a confirmed
 * delete. The location store validates on save; its errors land next to their field.
 */
final class LocationPages {

    /** The form field of the closed dates, named as the REST field. */
    private static final String CLOSED = "closedDates";

    private final ConsoleServices services;

    LocationPages(ConsoleServices services) {
        this.services = services;
    }

    Html list(View view) {
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        List<Location> locations = services.locations().locations().stream().filter(l -> scope.sees(l.unit())).toList();
        List<NotificationRule> rules = services.rules().rules();
        Html html = new Html();
        if (view.editor()) {
            html.add("<p><a class='tidings-button' href='{}'>New location</a></p>", view.link("/location/edit"));
        }
        if (locations.isEmpty()) {
            return html.add("<p>No location yet.</p>");
        }
        html.add("<table class='nicetable tidings-locations'><thead><tr><th>Key</th><th>Name</th><th>Time zone</th>"
                + "<th>Country</th><th>Unit</th><th>Working hours</th><th>Rules scoped to it</th>{}</tr></thead><tbody>",
                Html.of(view.editor() ? "<th>Actions</th>" : ""));
        for (Location l : locations) {
            Html scoped = new Html();
            for (NotificationRule rule : rules) {
                if (rule.locations().contains(l.key())) {
                    scoped.add("<a href='{}'>{}</a> ", view.link("/rules", "q", rule.key()), rule.key());
                }
            }
            html.add("<tr data-location='{}'><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                    l.key(), l.key(), l.name(), l.timeZone(), l.country(), l.unit() == null ? "-" : l.unit(), hours(l),
                    scoped);
            if (view.editor()) {
                html.add("<td><a href='{}'>Edit</a> <a href='{}'>Delete</a></td>",
                        view.link("/location/edit", "key", l.key()), view.link("/location/delete", "key", l.key()));
            }
            html.add("</tr>");
        }
        long everywhere = rules.stream().filter(r -> r.locations().isEmpty()).count();
        return html.add("</tbody></table><p class='tidings-hint'>{} rule(s) without locations apply at every"
                + " location.</p>", everywhere);
    }

    private static String hours(Location l) {
        String closed = l.closedDates().isEmpty() ? "" : "; closed on " + String.join(", ",
                l.closedDates().stream().map(c -> c.date().toString()).toList());
        return openHours(l) + closed;
    }

    private static String openHours(Location l) {
        if (l.workingHours().isEmpty()) {
            return "always open";
        }
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = l.workingHours().getOrDefault(day, List.of());
            days.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                    + (ranges.isEmpty() ? "closed" : String.join(", ", ranges.stream().map(TimeRange::toString).toList())));
        }
        return String.join("; ", days);
    }

    Html edit(View view) {
        String key = view.param("key");
        Flash flash = view.flash();
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!Fields.refill(values, flash) && key != null) {
            Location l = visible(view, key);
            values.put("key", List.of(l.key()));
            values.put("unit", l.unit() == null ? List.of() : List.of(l.unit()));
            values.put("name", l.name() == null ? List.of() : List.of(l.name()));
            values.put("timeZone", List.of(l.timeZone()));
            values.put("country", l.country() == null ? List.of() : List.of(l.country()));
            l.workingHours().forEach((day, ranges) -> values.put(day(day), List.of(ranges.isEmpty() ? "closed"
                    : String.join(", ", ranges.stream().map(TimeRange::toString).toList()))));
            values.put(CLOSED, List.of(String.join("\n", l.closedDates().stream().map(ClosedDate::toString).toList())));
        }
        String title = key == null ? "New location" : "Edit location " + key;
        if (!view.editor()) {
            return Html.of("<h2>{}</h2><p class='tidings-error'>Changing locations needs the role tidings-editor.</p>",
                    title);
        }
        Fields f = Fields.of(values, flash);
        Html zones = new Html().add("<datalist id='time-zones'>");
        new TreeSet<>(ZoneId.getAvailableZoneIds()).forEach(zone -> zones.add("<option value='{}'>", zone));
        zones.add("</datalist>");
        Html days = new Html();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(f.text(day(day), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), "09:00-13:00, 14:00-18:00", ""));
        }
        Html fields = new Html();
        if (key != null) {
            fields.add("<input type='hidden' name='original' value='{}'>", key);
        }
        fields.add("<fieldset><legend>Location</legend>{}{}{}{}{}{}{}</fieldset><fieldset><legend>Working hours</legend>"
                + "<p class='tidings-hint'>Per day its open intervals, e.g. 09:00-13:00, 14:00-18:00; \"closed\" or"
                + " nothing for a closed day. No hours on any day: always open.</p>{}</fieldset>"
                + "<fieldset><legend>Closed dates</legend><p class='tidings-hint'>One date a line as YYYY-MM-DD, "
                + "optionally followed by a note, e.g. 2026-12-24 Christmas Eve. Messages sent in working hours"
                + " only wait for the next open day.</p>{}</fieldset>"
                + "<p><button type='submit'>{}</button> <a href='{}'>Back to the locations</a></p>",
                f.text("key", "Key", "kyiv", key != null ? "readonly" : "required"), f.text("name", "Name",
                        "Сервіс на Хрещатику", ""),
                f.text("timeZone", "Time zone", "Europe/Kyiv", "list='time-zones' required"), zones,
                f.text("country", "Country (ISO 3166, e.g. UA)", "UA", "size='3'"),
                f.text("unit", "Unit (empty: head office, or your single unit)", "shop-1", "list='tidings-unit-keys'"),
                UnitPages.unitList(services), days,
                f.area(CLOSED, "Closed dates", 5),
                key == null ? "Create location" : "Save location", view.link("/locations"));
        return Html.of("<h2>{}</h2>{}", title, view.postForm("/location/save", "tidings-location-form", fields));
    }

    /** {@code MON}, the name of a day's form field as of its REST field. */
    private static String day(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    Redirect save(View view) {
        String original = view.param("original");
        Map<String, String> typed = RuleFormReader.typed(view);
        try {
            Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                String text = view.param(day(day));
                List<TimeRange> ranges = new ArrayList<>();
                if (text != null && !text.equalsIgnoreCase("closed")) {
                    for (String range : text.split(",")) {
                        ranges.add(TimeRange.parse(range, day(day)));
                    }
                }
                hours.put(day, ranges);
            }
            if (hours.values().stream().allMatch(List::isEmpty)) {
                hours.clear();
            }
            LocationService locations = services.locations();
            String key = view.param("key");
            if (original == null && key != null && locations.location(key).isPresent()) {
                throw new ValidationException("key", "a location '" + key + "' exists already: edit it instead");
            }
            if (original != null) {
                services.scope(view.access()).check(visible(view, original).unit());
            }
            Location saved = locations.save(new Location(original != null ? original : key, view.param("name"),
                    view.param("timeZone"), view.param("country"), hours, closedDates(view.raw(CLOSED)),
                    services.assignUnit(view.access(), view.param("unit"))));
            return new Redirect("/locations", Flash.done((original == null ? "Created" : "Saved") + " location "
                    + saved.key() + "."));
        } catch (ValidationException | io.tidings.api.access.UnitAccessException e) {
            String field = e instanceof ValidationException v ? v.field() : "unit";
            String reason = e instanceof ValidationException v ? v.reason() : e.getMessage();
            field = field == null ? null : field.replaceAll("^workingHours\\.|\\[.*", "");
            return new Redirect(original == null ? "/location/edit" : Html.link("/location/edit", "key", original),
                    Flash.refused("Not saved: " + label(field) + reason, field, typed));
        }
    }

    /** The closed dates typed one a line; blank lines are skipped, a wrong one is refused with its line. */
    private static List<ClosedDate> closedDates(String text) {
        List<ClosedDate> dates = new ArrayList<>();
        List<String> lines = text == null ? List.of() : text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                try {
                    dates.add(ClosedDate.parse(lines.get(i), CLOSED));
                } catch (ValidationException e) {
                    throw new ValidationException(CLOSED, "line " + (i + 1) + " " + e.reason());
                }
            }
        }
        return dates;
    }

    /** "Time zone: ", the field in words for the message above the form. */
    private static String label(String field) {
        if (field == null) {
            return "";
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day(day).equals(field)) {
                return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ": ";
            }
        }
        return switch (field) {
            case "key" -> "Key: ";
            case "name" -> "Name: ";
            case "timeZone" -> "Time zone: ";
            case "country" -> "Country: ";
            case CLOSED -> "Closed dates: ";
            case "unit" -> "Unit: ";
            default -> "";
        };
    }

    Html confirmDelete(View view) {
        String key = view.param("key");
        Location l = visible(view, key);
        List<String> scoped = services.rules().rules().stream().filter(r -> r.locations().contains(l.key()))
                .map(NotificationRule::key).toList();
        if (!view.editor()) {
            return Html.of("<p class='tidings-error'>Deleting locations needs the role tidings-editor.</p>");
        }
        return Html.of("<h2>Delete location {}?</h2><p>{}</p>{}<p><a href='{}'>Keep it</a></p>", l.key(),
                scoped.isEmpty() ? "No rule is scoped to it." : "Rules scoped to it: " + String.join(", ", scoped)
                        + ". They stay, and events at this location no longer get its time zone and working hours.",
                view.postForm("/location/delete", "tidings-delete", Html.of("<input type='hidden' name='key' value='{}'>"
                        + "<button type='submit'>Delete location</button>", l.key())), view.link("/locations"));
    }

    /** The location, if the user may see it: another unit's is "no location", as an unknown one is. */
    private Location visible(View view, String key) {
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        return services.locations().location(key == null ? "" : key).filter(l -> scope.sees(l.unit()))
                .orElseThrow(() -> new ValidationException("key", "there is no location '" + key + "'"));
    }

    Redirect delete(View view) {
        String key = view.param("key");
        services.scope(view.access()).check(visible(view, key).unit());
        if (key == null || !services.locations().delete(key)) {
            throw new ValidationException("key", "there is no location '" + key + "'");
        }
        return new Redirect("/locations", Flash.done("Deleted location " + key + "."));
    }
}
