package io.tidings.rest.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

import io.tidings.api.ManualMessage;
import io.tidings.rest.route.ApiException;

/**
 * A message created by hand becomes an event whose data the store keeps in one column: text and data
 * that would not fit are refused with 413 naming the fields and the limit, not a 500 from the insert.
 */
public class MessageSizeTest {

    private static ManualMessage read(String text, String note) {
        String body = "{\"id\":\"m-1\",\"medium\":\"EMAIL\",\"recipient\":{\"email\":\"olena@example.com\"},"
                + "\"subject\":\"Рахунок\",\"template\":\"bill_issued\",\"text\":" + (text == null ? "null" : "\"" + text + "\"")
                + ",\"data\":{\"bill\":{\"note\":\"" + note + "\"}}}";
        return MessageJson.read(JsonCodec.parse("application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void textAndDataThatTogetherExceedTheStoreAreRefusedWith413() {
        ApiException e = assertThrows(ApiException.class,
                () -> read("å".repeat(600_000), "ї".repeat(600_000)));
        assertEquals(413, e.status());
        assertTrue(e.getMessage(), e.getMessage().startsWith("recipient, subject, text, data hold "));
        assertTrue(e.getMessage(), e.getMessage().contains("at most " + MessageJson.MAX_CHARACTERS));
    }

    @Test
    public void aLargeMessageWithinTheLimitIsRead() {
        String note = "é".repeat(MessageJson.MAX_CHARACTERS - 1_000);
        assertEquals(note, ((java.util.Map<?, ?>) read(null, note).data().get("bill")).get("note"));
    }
}
