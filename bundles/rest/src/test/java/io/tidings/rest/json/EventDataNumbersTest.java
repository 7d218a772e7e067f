package io.tidings.rest.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.ValidationException;

/** A number no template could show is refused at ingest, by the path of its field. */
public class EventDataNumbersTest {

    private static BusinessEvent read(String data) {
        String body = "{\"id\":\"e-1\",\"type\":\"order.created\",\"occurredAt\":\"2025-03-14T09:30:00+02:00\",\"data\":"
                + data + "}";
        return EventJson.read(JsonCodec.parse("application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static ValidationException refused(String data) {
        return assertThrows(ValidationException.class, () -> read(data));
    }

    @Test
    public void aNumberOfAHugeExponentIsRefusedByItsPath() {
        ValidationException e = refused("{\"order\":{\"total\":1e999999999}}");
        assertEquals("data.order.total", e.field());
        assertTrue(e.reason(), e.reason().contains("1000000000 digits before the decimal point"));
        assertTrue(e.reason(), e.reason().contains("at most 100 digits and 100 decimal places"));
        assertEquals("data.order.total", refused("{\"order\":{\"total\":1e-999999999}}").field());
        assertEquals("data.order.total", refused("{\"order\":{\"total\":1E+101}}").field());
    }

    @Test
    public void tooManyDigitsAreRefusedInListsAndAsIntegersToo() {
        assertEquals("data.order.items[1].price",
                refused("{\"order\":{\"items\":[{\"price\":1},{\"price\":0." + "3".repeat(101) + "}]}}").field());
        assertEquals("data.ids[0]", refused("{\"ids\":[" + "9".repeat(101) + "]}").field());
    }

    @Test
    public void ordinaryAndLargeButSaneNumbersPass() {
        Map<String, Object> data = read("{\"order\":{\"total\":1234.50,\"tiny\":1e-100,\"big\":1e100,\"n\":7,"
                + "\"id\":" + "9".repeat(100) + "}}").data();
        Map<?, ?> order = (Map<?, ?>) data.get("order");
        assertEquals(new BigDecimal("1234.50"), order.get("total"));
        assertEquals(new BigDecimal("1e-100"), order.get("tiny"));
        assertEquals(new BigDecimal("1e100"), order.get("big"));
        assertEquals(7, order.get("n"));
        assertEquals(new BigInteger("9".repeat(100)), order.get("id"));
        assertEquals(List.of(), read("{\"l\":[]}").data().get("l"));
    }
}
