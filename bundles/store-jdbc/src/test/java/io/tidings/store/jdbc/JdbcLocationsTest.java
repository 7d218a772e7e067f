package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.location.ClosedDate;
import io.tidings.api.location.Location;
import io.tidings.api.location.TimeRange;

/** A location's working hours and closed dates survive the store, and a location without closed dates stays so. */
public class JdbcLocationsTest extends RepositoryContract {

    @Test
    public void closedDatesWithTheirNotesAreKept() {
        Location kyiv = new Location("kyiv-1", "Київ, Поділ", "Europe/Kyiv", "UA",
                Map.of(DayOfWeek.MONDAY, List.of(TimeRange.parse("09:00-18:00", "MON"))),
                List.of(ClosedDate.parse("2026-08-24 День Незалежності", "closedDates[0]"),
                        ClosedDate.parse("2026-01-01", "closedDates[1]")));
        store.locations().saveLocation(kyiv);

        Location read = store.locations().location("kyiv-1").orElseThrow();
        assertEquals(kyiv, read);
        assertEquals("2026-01-01", read.closedDates().get(0).toString());
        assertEquals("День Незалежності", read.closedDates().get(1).note());
    }

    @Test
    public void aLocationWithoutClosedDatesReadsAnEmptyList() {
        store.locations().saveLocation(new Location("aarhus", "Aarhus", "Europe/Copenhagen", "DK", Map.of()));
        assertEquals(List.of(), store.locations().locations().get(0).closedDates());
    }
}
