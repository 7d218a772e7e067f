package io.tidings.rest.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.rest.route.ApiException;

/** An event whose data the store could not keep is refused with 413 naming the limit, not a 500. */
public class EventDataSizeTest {

    private static BusinessEvent read(String note) {
        String body = "{\"id\":\"e-1\",\"type\":\"order.created\",\"occurredAt\":\"2025-03-14T09:30:00+02:00\","
                + "\"data\":{\"order\":{\"note\":\"" + note + "\"}}}";
        return EventJson.read(JsonCodec.parse("application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void dataOverOneMebibyteIsRefusedWith413NamingTheLimit() {
        ApiException e = assertThrows(ApiException.class, () -> read("ж".repeat(1_100_000)));
        assertEquals(413, e.status());
        assertEquals("data", e.field());
        assertTrue(e.getMessage(), e.getMessage().contains("at most 1048576"));
    }

    @Test
    public void dataJustUnderTheLimitIsRead() {
        String note = "ø".repeat(EventJson.MAX_DATA_CHARACTERS - 100);
        assertEquals(note, ((java.util.Map<?, ?>) read(note).data().get("order")).get("note"));
    }
}
