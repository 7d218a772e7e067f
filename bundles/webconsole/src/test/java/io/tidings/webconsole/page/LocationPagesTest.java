package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.webconsole.session.Access;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.location.Location;
import io.tidings.api.location.LocationService;
import io.tidings.api.location.TimeRange;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;

/** The Locations tab: weekday hours read from the form, refusals named by day, the rules scoped to each. */
public class LocationPagesTest {

    private final Map<String, Location> stored = new LinkedHashMap<>();
    private final List<AuditEntry> trail = new ArrayList<>();

    private final LocationService locations = new LocationService() {
        @Override
        public List<Location> locations() {
            return List.copyOf(stored.values());
        }

        @Override
        public Optional<Location> location(String key) {
            return Optional.ofNullable(stored.get(key));
        }

        @Override
        public Location save(Location location) {
            stored.put(location.key(), location);
            return location;
        }

        @Override
        public boolean delete(String key) {
            return stored.remove(key) != null;
        }
    };

    private final Console console = new Console(new NoServices() {
        @Override
        public LocationService locations() {
            return locations;
        }

        @Override
        public io.tidings.api.template.TemplateService templates() {
            return new TemplateStore();
        }

        @Override
        public RuleService rules() {
            InMemoryRules rules = new InMemoryRules();
            rules.save(new NotificationRule("visit", "Visit", "booking.confirmed", null, List.of("kyiv"), null,
                    List.of("t"), null, null, null, true));
            return rules;
        }

        @Override
        public AuditTrail audit() {
            return NoServices.trail(trail);
        }
    });

    private static View form(boolean editor, String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return new View("/system/console/tidings", params, "token", null, editor ? new Access(Access.Level.EDITOR, false) : new Access(Access.Level.VIEWER, false));
    }

    @Test
    public void eachWeekdaysIntervalsAreStoredAndAClosedDayStaysClosed() {
        Redirect done = console.post("/location/save", form(true, "key", "kyiv", "name", "Сервіс на Хрещатику",
                "timeZone", "Europe/Kyiv", "country", "UA", "MON", "09:00-13:00, 14:00-18:00", "SAT", "closed"), "karaf");

        assertEquals("Created location kyiv.", done.flash().message());
        Location kyiv = stored.get("kyiv");
        assertEquals(List.of(TimeRange.parse("09:00-13:00", "MON"), TimeRange.parse("14:00-18:00", "MON")),
                kyiv.workingHours().get(DayOfWeek.MONDAY));
        assertEquals(List.of(), kyiv.workingHours().get(DayOfWeek.SATURDAY));
        assertEquals("created", trail.get(0).action());

        console.post("/location/save", form(true, "key", "online", "timeZone", "Europe/Copenhagen"), "karaf");
        assertTrue("no hours on any day: always open", stored.get("online").workingHours().isEmpty());
    }

    @Test
    public void closedDatesAreTypedOneALineAndShownAgainInTheForm() {
        Redirect done = console.post("/location/save", form(true, "key", "aarhus", "timeZone", "Europe/Copenhagen",
                "MON", "09:00-17:00", "closedDates", "2026-12-24 Juleaften\n\n2026-12-25 Juledag\r\n2026-06-05"),
                "karaf");
        assertEquals("Created location aarhus.", done.flash().message());
        Location aarhus = stored.get("aarhus");
        assertEquals(3, aarhus.closedDates().size());
        assertEquals("Juleaften", aarhus.closedDates().get(1).note());
        assertTrue(aarhus.closedOn(java.time.LocalDate.of(2026, 6, 5)));

        String page = console.page("/location/edit", form(true, "key", "aarhus")).toString();
        assertTrue(page, page.contains(">2026-06-05\n2026-12-24 Juleaften\n2026-12-25 Juledag</textarea>"));
        String list = console.page("/locations", form(false)).toString();
        assertTrue(list, list.contains("closed on 2026-06-05, 2026-12-24, 2026-12-25"));

        Redirect refused = console.post("/location/save", form(true, "key", "odense", "timeZone", "Europe/Copenhagen",
                "closedDates", "2026-12-24\n24/12 <Jul>"), "karaf");
        assertEquals("closedDates", refused.flash().field());
        assertTrue(refused.flash().message(), refused.flash().message().startsWith("Not saved: Closed dates: line 2 "
                + "must be a date as YYYY-MM-DD"));
        assertTrue(!stored.containsKey("odense"));
    }

    @Test
    public void aBadIntervalIsNamedByItsDayAndNothingIsStored() {
        Redirect refused = console.post("/location/save", form(true, "key", "lyon", "timeZone", "Europe/Paris",
                "TUE", "9-13"), "karaf");

        assertTrue(refused.flash().error());
        assertEquals("TUE", refused.flash().field());
        assertEquals("Not saved: Tuesday: must be HH:MM-HH:MM, e.g. 09:00-13:00; was '9-13'", refused.flash().message());
        assertEquals("9-13", refused.flash().values().get("TUE"));
        assertTrue(stored.isEmpty());
    }

    @Test
    public void theListNamesTheRulesScopedToEachLocationAndAViewerGetsNoForms() {
        stored.put("kyiv", new Location("kyiv", "Сервіс", "Europe/Kyiv", "UA", Map.of()));

        String page = console.page("/locations", form(false)).toString();
        assertTrue(page, page.contains("<tr data-location='kyiv'>") && page.contains(">visit</a>"));
        assertTrue(page, page.contains("always open"));
        assertFalse(page, page.contains("New location") || page.contains("Delete"));
        assertTrue(console.post("/location/delete", form(false, "key", "kyiv"), "viewer").flash().error());
        assertTrue(stored.containsKey("kyiv"));
    }

    @Test
    public void theRuleFormOffersTheLocationsAndEveryTimingFieldToAnEditor() {
        stored.put("lviv", new Location("lviv", "Львів", "Europe/Kyiv", "UA", Map.of()));
        String form = console.page("/rule/edit", form(true)).toString();
        assertTrue(form, form.contains("<form") && form.contains("name='digest.window'")
                && form.contains("name='frequencyCap.max'") && form.contains("name='quietHours.from'"));
        assertTrue(form, form.contains("Львів"));
    }
}
