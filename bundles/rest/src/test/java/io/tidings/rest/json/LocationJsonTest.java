package io.tidings.rest.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.ValidationException;
import io.tidings.api.location.Location;

/** A location's closed dates: ISO dates with an optional note, read and written as the same texts. */
public class LocationJsonTest {

    private static JsonNode json(String text) {
        return JsonCodec.parse("application/json", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    public void closedDatesAreReadWithTheirNotesAndWrittenBackInDateOrder() {
        Location lyon = LocationJson.read(json("""
                {"key":"lyon","name":"Lyon Part-Dieu","timeZone":"Europe/Paris","country":"FR",
                 "workingHours":{"MON":["09:00-18:00"]},"closedDates":["2026-07-14 Fête nationale","2026-05-01"]}
                """));
        assertEquals(LocalDate.of(2026, 5, 1), lyon.closedDates().get(0).date());
        assertEquals("Fête nationale", lyon.closedDates().get(1).note());
        assertTrue(lyon.closedOn(LocalDate.of(2026, 7, 14)));
        JsonNode written = LocationJson.write(lyon);
        assertEquals("2026-05-01", written.at("/closedDates/0").textValue());
        assertEquals("2026-07-14 Fête nationale", written.at("/closedDates/1").textValue());
    }

    @Test
    public void aDateThatIsNotIsoIsRefusedAtItsIndex() {
        ValidationException e = assertThrows(ValidationException.class, () -> LocationJson.read(json("""
                {"key":"aarhus","timeZone":"Europe/Copenhagen","closedDates":["2026-12-24","24.12.2026 Juleaften"]}
                """)));
        assertEquals("closedDates[1]", e.field());
        assertTrue(e.getMessage(), e.getMessage().contains("YYYY-MM-DD"));
    }

    @Test
    public void aLocationWithoutClosedDatesWritesAnEmptyList() {
        Location kyiv = LocationJson.read(json("{\"key\":\"kyiv-1\",\"timeZone\":\"Europe/Kyiv\"}"));
        assertEquals(0, LocationJson.write(kyiv).get("closedDates").size());
    }
}
