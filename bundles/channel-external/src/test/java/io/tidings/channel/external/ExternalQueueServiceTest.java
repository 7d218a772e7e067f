package io.tidings.channel.external;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.queue.QueuedMessage;
import io.tidings.api.queue.ExternalOutbox;

/** An external channel hands messages over to its outbox; the external system claims and acknowledges them. */
public class ExternalQueueServiceTest {

    /** The outbox in memory: channel → communication id → message. */
    private final Map<String, Map<String, QueuedMessage>> outbox = new LinkedHashMap<>();
    /** The statuses recorded by provider id, as the communications' record would. */
    private final List<String> recorded = new ArrayList<>();
    private boolean handOverRecorded = true;

    private final ExternalOutbox store = new ExternalOutbox() {
        @Override
        public void outboxPut(String channel, QueuedMessage message, Instant now) {
            outbox.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(message.communicationId(), message);
        }

        @Override
        public List<QueuedMessage> outboxClaim(String channel, int limit, Instant now, Instant claimedUntil) {
            return outbox.getOrDefault(channel, Map.of()).values().stream().limit(limit).toList();
        }

        @Override
        public boolean outboxRemove(String channel, String communicationId) {
            return outbox.getOrDefault(channel, new LinkedHashMap<>()).remove(communicationId) != null;
        }

        /** As the JDBC outbox does it in one transaction: the status, then (only then) the removal. */
        @Override
        public boolean acknowledge(String channel, String communicationId, String providerMessageId,
                CommunicationStatus status, String reason) {
            recorded.add(channel + " " + providerMessageId + " " + status + " " + reason);
            return handOverRecorded && outboxRemove(channel, communicationId);
        }
    };

    private final ExternalQueueService queue = new ExternalQueueService(store);
    private final ExternalChannel channel = new ExternalChannel("sms-out", store, Clock.systemUTC());

    @Test
    public void aMessageIsHandedOverToTheOutboxAndClaimedThere() throws Exception {
        queue.add(channel);
        SendResult sent = channel.send(new OutboundMessage("c-1", Medium.SMS, "+4512345678", "Jens", null, "Hej",
                null, "da", 1)).toCompletableFuture().get();

        assertEquals(SendResult.Outcome.SENT, sent.outcome());
        assertEquals("outbox-c-1", sent.providerMessageId());
        List<QueuedMessage> claimed = queue.claim("sms-out", 10, Duration.ofMinutes(5));
        assertEquals(1, claimed.size());
        assertEquals("+4512345678", claimed.get(0).recipient());
        assertEquals("SMS", claimed.get(0).medium());
    }

    @Test
    public void anAcknowledgementRecordsTheStatusFirstAndThenLeavesTheOutbox() {
        queue.add(channel);
        store.outboxPut("sms-out", new QueuedMessage("c-1", "SMS", "+4512345678", null, null, "Hej", null, "da", null),
                Instant.now());
        store.outboxPut("sms-out", new QueuedMessage("c-2", "SMS", "+4512345679", null, null, "Hej", null, "da", null),
                Instant.now());

        assertTrue(queue.acknowledge("sms-out", "c-1", true, null));
        assertTrue(queue.acknowledge("sms-out", "c-2", false, " number unknown "));
        assertEquals(List.of("sms-out outbox-c-1 DELIVERED null", "sms-out outbox-c-2 FAILED sms-out: number unknown"),
                recorded);
        assertTrue(outbox.get("sms-out").isEmpty());

        // the hand-over not recorded yet: the message stays, to be acknowledged again
        store.outboxPut("sms-out", new QueuedMessage("c-3", "SMS", "+4512345670", null, null, "Hej", null, "da", null),
                Instant.now());
        handOverRecorded = false;
        assertFalse(queue.acknowledge("sms-out", "c-3", true, null));
        assertTrue(outbox.get("sms-out").containsKey("c-3"));
        assertEquals(CommunicationStatus.DELIVERED.name(), recorded.get(2).split(" ")[2]);
    }

    @Test
    public void badClaimsAndAcknowledgementsNameTheirField() {
        queue.add(channel);
        assertEquals("channel", assertThrows(ValidationException.class,
                () -> queue.claim("crm", 10, Duration.ofMinutes(5))).field());
        assertEquals("limit", assertThrows(ValidationException.class,
                () -> queue.claim("sms-out", ExternalQueueService.MAX_CLAIM + 1, Duration.ofMinutes(5))).field());
        assertEquals("leaseSeconds", assertThrows(ValidationException.class,
                () -> queue.claim("sms-out", 10, Duration.ofHours(25))).field());
        assertEquals("reason", assertThrows(ValidationException.class,
                () -> queue.acknowledge("sms-out", "c-1", false, " ")).field());

        queue.remove(channel);
        assertEquals("channel", assertThrows(ValidationException.class,
                () -> queue.claim("sms-out", 10, Duration.ofMinutes(5))).field());
    }

    @Test
    public void aChannelNamesTheUnitItBelongsTo() {
        queue.add(channel);
        queue.add(new ExternalChannel("shop-sms", "shop-1", store, Clock.systemUTC()));

        assertEquals("shop-1", queue.unitOf("shop-sms"));
        assertEquals("a channel of no unit", null, queue.unitOf("sms-out"));
        assertEquals("no such channel", null, queue.unitOf("elsewhere"));
    }
}
