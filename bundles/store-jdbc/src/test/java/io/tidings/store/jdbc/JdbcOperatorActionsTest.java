package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;

/** An operator's retry now, bulk retry of FAILED and resend, on each database. */
public class JdbcOperatorActionsTest extends RepositoryContract {

    /** A communication sent through a channel and failed there after {@code attempts} attempts. */
    private Communication failed(BusinessEvent event, String recipient, String rule, String channel, int attempts) {
        Communication c = queued(event, recipient, NOW);
        c = new Communication(c.id(), c.eventId(), c.entity(), rule, c.templateKey(), null, c.medium(), null,
                c.recipient(), c.language(), CommunicationStatus.QUEUED, null, 0, NOW, NOW, null, null, null, null);
        store.outbox().ingest(event, List.of(c));
        for (int i = 0; i < attempts; i++) {
            store.outbox().claimDue(NOW.plusSeconds(i), 1, NOW.plusSeconds(60));
            store.outbox().markRetry(c.id(), channel, "refused", NOW.plusSeconds(i));
        }
        store.outbox().claimDue(NOW.plusSeconds(attempts), 1, NOW.plusSeconds(60));
        assertTrue(store.outbox().markFinal(c.id(), CommunicationStatus.FAILED, channel + ": refused"));
        return store.record().communication(c.id()).orElseThrow();
    }

    @Test
    public void retryNowQueuesAFailedCommunicationWithItsAttemptsCountedAfresh() {
        Communication c = failed(event("e-retry"), "a@example.com", "rule", "smtp-main", 3);
        assertEquals(3, c.attempts());
        Instant now = NOW.plusSeconds(3600);
        assertTrue(store.outbox().retryNow(c.id(), "retried by an operator", now));
        Communication queued = store.record().communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, queued.status());
        assertEquals("retried by an operator", queued.statusReason());
        assertEquals(0, queued.attempts());
        assertEquals("its retry budget starts again", now, queued.notBefore());
        assertEquals("due at once", List.of(c.id()), ids(store.outbox().claimDue(now, 5, now.plusSeconds(60))));
        assertFalse("a SENDING one is not retried", store.outbox().retryNow(c.id(), "again", now));
        assertFalse(store.outbox().retryNow(UUID.randomUUID().toString(), "unknown", now));
    }

    @Test
    public void bulkRetryTakesTheFailedOfAChannelOrRuleOrTimeRangeOnly() {
        Instant before = Instant.now().minusSeconds(1);
        Communication smtp = failed(event("e-bulk-1"), "a@example.com", "ready", "smtp-main", 1);
        Communication otherRule = failed(event("e-bulk-2"), "b@example.com", "reminder", "smtp-main", 1);
        Communication sms = failed(event("e-bulk-3"), "+4520123456", "ready", "smpp-main", 1);
        Instant after = Instant.now().plusSeconds(1);
        Instant now = NOW.plusSeconds(3600);

        assertEquals(0, store.outbox().retryFailed(null, null, after, null, "retried", now));
        assertEquals(0, store.outbox().retryFailed(null, null, null, before, "retried", now));
        assertEquals(1, store.outbox().retryFailed("smtp-main", "ready", before, after, "retried", now));
        assertEquals(CommunicationStatus.QUEUED, status(smtp));
        assertEquals(CommunicationStatus.FAILED, status(otherRule));
        assertEquals(CommunicationStatus.FAILED, status(sms));
        assertEquals(1, store.outbox().retryFailed("smpp-main", null, null, null, "retried", now));
        assertEquals(CommunicationStatus.QUEUED, status(sms));
        assertEquals(1, store.outbox().retryFailed(null, "reminder", null, null, "retried", now));
        assertEquals(0, store.outbox().retryFailed(null, "reminder", null, null, "retried", now));
    }

    @Test
    public void resendRecordsANewCommunicationOfTheSameEventDueNowAndLeavesTheOriginal() {
        BusinessEvent event = event("e-resend");
        Communication original = queued(event, "a@example.com", NOW);
        store.outbox().ingest(event, List.of(original));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        assertFalse("not while it is being sent", store.outbox().resend(original.id(), "x", "resend", NOW));
        store.outbox().markSent(original.id(), "smtp-main", "p-1", 1, "en", "Ready", "Your order is ready", NOW);

        String copy = UUID.randomUUID().toString();
        Instant now = NOW.plusSeconds(60);
        assertTrue(store.outbox().resend(original.id(), copy, "a resend of " + original.id(), now));
        Communication resent = store.record().communication(copy).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, resent.status());
        assertEquals(original.eventId(), resent.eventId());
        assertEquals(original.entity(), resent.entity());
        assertEquals(original.ruleKey(), resent.ruleKey());
        assertEquals(original.templateKey(), resent.templateKey());
        assertEquals(original.recipient(), resent.recipient());
        assertEquals(original.medium(), resent.medium());
        assertEquals(0, resent.attempts());
        assertNull("rendered anew", resent.body());
        assertNull(resent.channel());
        assertEquals(CommunicationStatus.SENT, status(original));
        assertEquals("due at once", List.of(copy), ids(store.outbox().claimDue(now, 5, now.plusSeconds(60))));
    }

    /** A resent message is the same contact's and unit's: the contact's feed and a unit's list keep it. */
    @Test
    public void aResendKeepsTheContactIdAndTheUnitOfTheOriginal() {
        BusinessEvent event = new BusinessEvent("e-resend-contact", "order.ready",
                java.time.OffsetDateTime.parse("2026-11-23T10:00:00+02:00"), null, new io.tidings.api.EntityRef("order", "4712"),
                java.util.Map.of("contact_information", java.util.Map.of("id", "C-77", "email", "olena@example.com")));
        Communication q = queued(event, "olena@example.com", NOW);
        Communication original = new Communication(q.id(), q.eventId(), q.entity(), q.ruleKey(), q.templateKey(), null,
                q.medium(), null, q.recipient(), q.language(), q.status(), null, 0, q.notBefore(), q.createdAt(), null,
                null, null, null, "north");
        store.units().save(new io.tidings.api.access.Unit("north", "North", null));
        store.outbox().ingest(event, List.of(original));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().markSent(original.id(), "smtp-main", "p-2", 1, "en", "Ready", "Your order is ready", NOW);

        String copy = UUID.randomUUID().toString();
        assertTrue(store.outbox().resend(original.id(), copy, "a resend of " + original.id(), NOW.plusSeconds(60)));
        assertEquals(List.of(copy, original.id()), ids(store.record().communications(new io.tidings.api.CommunicationQuery(
                null, null, null, null, 10, null, "C-77", java.util.Set.of("north")))));
    }

    private CommunicationStatus status(Communication c) {
        return store.record().communication(c.id()).orElseThrow().status();
    }

    @Test
    public void theOldestDueIsTheEarliestDueMomentOrThePlannedMomentOfAMessageWaitingForAChannel() {
        assertTrue(store.outbox().oldestDue(NOW).isEmpty());
        BusinessEvent event = event("e-oldest");
        Communication due = queued(event, "due@example.com", NOW.minusSeconds(60));
        Communication waiting = queued(event, "waiting@example.com", NOW.minusSeconds(600));
        Communication later = scheduled(event, "later@example.com", NOW.plusSeconds(3600));
        store.outbox().ingest(event, List.of(due, waiting, later));
        assertEquals(java.util.Optional.of(NOW.minusSeconds(600)), store.outbox().oldestDue(NOW));
        store.outbox().claimDue(NOW, 5, NOW.plusSeconds(60));
        store.outbox().markWaiting(waiting.id(), "no channel");
        store.outbox().markRetry(due.id(), "smtp-main", "refused", NOW.plusSeconds(30));
        assertEquals("the waiting one counts from its planned moment", java.util.Optional.of(NOW.minusSeconds(600)),
                store.outbox().oldestDue(NOW));
        store.outbox().markFinal(waiting.id(), CommunicationStatus.CANCELLED, "gone");
        assertTrue("a retry not yet due and a later one are not due", store.outbox().oldestDue(NOW).isEmpty());
        assertEquals(java.util.Optional.of(NOW.plusSeconds(30)), store.outbox().oldestDue(NOW.plusSeconds(60)));
    }

    @Test
    public void providerFeedbackFindsTheNewestCommunicationCarryingTheProvidersId() {
        BusinessEvent event = event("e-provider");
        Communication c = queued(event, "+4520123456", NOW);
        store.outbox().ingest(event, List.of(c));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().markSent(c.id(), "smpp-main", "p-77", 1, "da", null, "Ordren er klar", NOW);
        assertEquals(c.id(), store.outbox().byProviderId("smpp-main", "p-77").orElseThrow().id());
        assertTrue(store.outbox().byProviderId("smpp-other", "p-77").isEmpty());
        assertTrue(store.outbox().byProviderId("smpp-main", "p-78").isEmpty());
    }
}
