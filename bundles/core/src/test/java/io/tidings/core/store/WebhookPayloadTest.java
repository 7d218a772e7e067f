package io.tidings.core.store;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.webhook.WebhookEvent;

/** The delivery JSON: the envelope, then the data with its keys sorted, text escaped. */
public class WebhookPayloadTest {

    @Test
    public void writesTheEnvelopeAndEscapedData() {
        Map<String, Object> data = new HashMap<>();
        data.put("status", "FAILED");
        data.put("reason", "550 \"mailbox\" unavailable\n\\ Rückläufer");
        data.put("channel", null);
        data.put("stop", true);
        data.put("attempts", 3);
        assertEquals("{\"delivery\":\"d-1\",\"event\":\"communication.status\",\"at\":\"2026-12-07T09:00:00Z\","
                + "\"data\":{\"attempts\":3,\"channel\":null,\"reason\":\"550 \\\"mailbox\\\" unavailable\\n\\\\ "
                + "Rückläufer\",\"status\":\"FAILED\",\"stop\":true}}",
                WebhookPayload.write("d-1", WebhookEvent.COMMUNICATION_STATUS, Instant.parse("2026-12-07T09:00:00Z"),
                        data));
    }

    @Test
    public void controlCharactersAreEscaped() {
        assertEquals("{\"delivery\":\"d\",\"event\":\"sms.reply\",\"at\":\"1970-01-01T00:00:00Z\",\"data\":"
                + "{\"from\":\"\\u0001x\"}}", WebhookPayload.write("d", WebhookEvent.SMS_REPLY, Instant.EPOCH,
                        Map.of("from", "\u0001x")));
    }

    @Test
    public void aStatusDeliveryCarriesIdsAndTheStatusAsRecordedNeverAnAddressOrText() {
        Communication c = new Communication("c-1", "e-1", new EntityRef("order", "4711"), "order-ready", "ready", 2,
                Medium.EMAIL, "smtp-main", "mette@example.dk", "da", CommunicationStatus.SENT, null, 1, Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH, "p-1", "Din ordre er klar", "Kære Mette, din ordre er klar.");
        assertEquals("{\"delivery\":\"d-2\",\"event\":\"communication.status\",\"at\":\"1970-01-01T00:00:00Z\","
                + "\"data\":{\"channel\":\"smtp-main\",\"entityId\":\"4711\",\"entityType\":\"order\","
                + "\"eventId\":\"e-1\",\"id\":\"c-1\",\"medium\":\"EMAIL\",\"reason\":null,"
                + "\"rule\":\"order-ready\",\"status\":\"SENT\",\"template\":\"ready\"}}",
                WebhookPayload.status("d-2", c, Instant.EPOCH));
    }
}
