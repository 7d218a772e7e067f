package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** The outbox of external channels. */
public class JdbcExternalOutboxTest extends RepositoryContract {

    @Test
    public void theOutboxHandsEachMessageToOneClaimerUntilItsLeaseRunsOut() {
        var first = new io.tidings.api.queue.QueuedMessage("c-1", "SMS", "+380671234567", "Олена", null,
                "Замовлення готове", null, "uk", null);
        var second = new io.tidings.api.queue.QueuedMessage("c-2", "SMS", "+4520123456", "Søren", null, "Din ordre er klar",
                null, "da", null);
        store.externalOutbox().outboxPut("external-crm", first, NOW);
        store.externalOutbox().outboxPut("external-crm", second, NOW.plusSeconds(1));
        store.externalOutbox().outboxPut("external-other", new io.tidings.api.queue.QueuedMessage("c-3", "SMS", "+33612345678", null, null,
                "Prêt", null, "fr", null), NOW);

        var claimed = store.externalOutbox().outboxClaim("external-crm", 10, NOW.plusSeconds(5), NOW.plusSeconds(65));
        assertEquals(List.of("c-1", "c-2"), claimed.stream().map(io.tidings.api.queue.QueuedMessage::communicationId).toList());
        assertEquals("Замовлення готове", claimed.get(0).text());
        assertEquals(NOW.plusSeconds(65), claimed.get(0).claimedUntil());
        assertTrue("held while the lease runs", store.externalOutbox().outboxClaim("external-crm", 10, NOW.plusSeconds(30),
                NOW.plusSeconds(90)).isEmpty());
        assertEquals(2, store.externalOutbox().outboxClaim("external-crm", 10, NOW.plusSeconds(66), NOW.plusSeconds(126)).size());

        assertTrue(store.externalOutbox().outboxRemove("external-crm", "c-1"));
        assertFalse(store.externalOutbox().outboxRemove("external-crm", "c-1"));
        assertFalse("another channel's message", store.externalOutbox().outboxRemove("external-crm", "c-3"));
        assertEquals(List.of("c-2"), store.externalOutbox().outboxClaim("external-crm", 10, NOW.plusSeconds(200), NOW.plusSeconds(260))
                .stream().map(io.tidings.api.queue.QueuedMessage::communicationId).toList());
    }

    @Test
    public void anAcknowledgementRecordsTheStatusAndLeavesTheOutboxInOneTransaction() {
        io.tidings.api.BusinessEvent event = event("e-ack");
        io.tidings.api.Communication c = queued(event, "+380671234567", NOW);
        store.outbox().ingest(event, List.of(c));
        store.externalOutbox().outboxPut("external-crm", new io.tidings.api.queue.QueuedMessage(c.id(), "SMS",
                "+380671234567", "Олена", null, "Замовлення готове", null, "uk", null), NOW);
        assertFalse("its hand-over is not recorded yet: it stays to be acknowledged again", store.externalOutbox()
                .acknowledge("external-crm", c.id(), "outbox-" + c.id(), io.tidings.api.CommunicationStatus.DELIVERED, null));
        assertEquals(1, store.externalOutbox().outboxClaim("external-crm", 10, NOW, NOW.plusSeconds(60)).size());

        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().markSent(c.id(), "external-crm", "outbox-" + c.id(), 1, "uk", null, "Замовлення готове", NOW);
        assertTrue(store.externalOutbox().acknowledge("external-crm", c.id(), "outbox-" + c.id(),
                io.tidings.api.CommunicationStatus.DELIVERED, null));
        assertEquals(io.tidings.api.CommunicationStatus.DELIVERED,
                store.record().communication(c.id()).orElseThrow().status());
        assertTrue("gone from the outbox", store.externalOutbox().outboxClaim("external-crm", 10, NOW.plusSeconds(120),
                NOW.plusSeconds(180)).isEmpty());
    }
}
