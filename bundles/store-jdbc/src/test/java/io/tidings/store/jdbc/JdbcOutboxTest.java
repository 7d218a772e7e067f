package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;

/** The outbox: events with their communications, claims with leases, outcomes. */
public class JdbcOutboxTest extends RepositoryContract {

    @Test
    public void theSameEventTwiceCreatesNothingNew() {
        BusinessEvent event = event("e-1");
        List<Communication> planned = List.of(queued(event, "a@example.com", NOW), queued(event, "+4520123456", NOW));
        var first = store.outbox().ingest(event, planned);
        assertFalse(first.duplicate());
        assertEquals(2, first.communicationIds().size());

        var second = store.outbox().ingest(event, List.of(queued(event, "other@example.com", NOW)));
        assertTrue(second.duplicate());
        assertEquals(Set.copyOf(first.communicationIds()), Set.copyOf(second.communicationIds()));
        assertEquals(Set.copyOf(first.communicationIds()), Set.copyOf(store.outbox().communicationsOfEvent("e-1").orElseThrow()));
        assertEquals(2, store.record().communications(new CommunicationQuery("order", "4711", null, null, 0)).size());
        assertTrue(store.outbox().communicationsOfEvent("unknown").isEmpty());
    }

    @Test
    public void eventDataRoundTripsInEveryLanguage() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "Олена Ковальчук");
        contact.put("note", "Søren Ærø — Amélie Dubois, à bientôt ; ça va ?");
        contact.put("consent", Map.of("email", true, "sms", false));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("total", new BigDecimal("1299.90"));
        order.put("lines", List.of("екран", "batteri"));
        BusinessEvent event = new BusinessEvent("e-lang", "order.status_changed",
                OffsetDateTime.parse("2026-04-07T13:00:00+03:00"), "kyiv", new EntityRef("order", "4711"),
                Map.of("contact_information", contact, "order", order));
        store.outbox().ingest(event, List.of());
        BusinessEvent read = store.outbox().event("e-lang").orElseThrow();
        assertEquals(event, read);
        assertEquals(OffsetDateTime.parse("2026-04-07T13:00:00+03:00"), read.occurredAt());
    }

    @Test
    public void dueRowsAreClaimedOldestFirstAndOnlyOnce() {
        BusinessEvent event = event("e-2");
        Communication later = queued(event, "later@example.com", NOW.minusSeconds(10));
        Communication earlier = queued(event, "earlier@example.com", NOW.minusSeconds(20));
        Communication future = scheduled(event, "future@example.com", NOW.plusSeconds(3600));
        Communication suppressed = new Communication(UUID.randomUUID().toString(), event.id(), event.entity(), "r", "t",
                null, Medium.EMAIL, null, null, "en", CommunicationStatus.SUPPRESSED, "no consent for EMAIL", 0, NOW,
                NOW, null, null, null, null);
        store.outbox().ingest(event, List.of(later, earlier, future, suppressed));

        List<Communication> claimed = store.outbox().claimDue(NOW, 10, NOW.plusSeconds(60));
        assertEquals(List.of(earlier.id(), later.id()), claimed.stream().map(Communication::id).toList());
        assertTrue(claimed.stream().allMatch(c -> c.status() == CommunicationStatus.SENDING));
        assertTrue(store.outbox().claimDue(NOW, 10, NOW.plusSeconds(60)).isEmpty());

        List<Communication> atTheirTime = store.outbox().claimDue(NOW.plusSeconds(3600), 10, NOW.plusSeconds(3700));
        assertEquals(List.of(future.id()), atTheirTime.stream().map(Communication::id).toList());
    }

    @Test
    public void concurrentClaimersNeverShareARow() throws Exception {
        BusinessEvent event = event("e-3");
        List<Communication> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(queued(event, "p" + i + "@example.com", NOW.minusMillis(i)));
        }
        store.outbox().ingest(event, rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit((Callable<List<String>>) () -> {
                    List<String> mine = new ArrayList<>();
                    List<Communication> batch;
                    while (!(batch = store.outbox().claimDue(NOW, 7, NOW.plusSeconds(60))).isEmpty()) {
                        batch.forEach(c -> mine.add(c.id()));
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : results) {
                all.addAll(f.get());
            }
            assertEquals(300, all.size());
            assertEquals(300, new HashSet<>(all).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aRetryCountsTheAttemptAndComesBackWhenDue() {
        BusinessEvent event = event("e-4");
        Communication c = queued(event, "retry@example.com", NOW);
        store.outbox().ingest(event, List.of(c));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().markRetry(c.id(), "smtp-main", "attempt 1 failed: connection refused", NOW.plusSeconds(2));

        Communication retried = store.record().communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, retried.status());
        assertEquals(1, retried.attempts());
        assertEquals("smtp-main", retried.channel());
        assertTrue(store.outbox().claimDue(NOW.plusSeconds(1), 1, NOW.plusSeconds(60)).isEmpty());
        assertEquals(1, store.outbox().claimDue(NOW.plusSeconds(2), 1, NOW.plusSeconds(60)).size());

        store.outbox().markSent(c.id(), "smtp-main", "<id@example.com>", 3, "uk", "Тема", "Текст", NOW.plusSeconds(3));
        Communication sent = store.record().communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.SENT, sent.status());
        assertEquals(2, sent.attempts());
        assertEquals(Integer.valueOf(3), sent.templateVersion());
        assertEquals("Тема", sent.subject());
        assertEquals(NOW.plusSeconds(3), sent.sentAt());
        assertNull(sent.statusReason());
    }

    @Test
    public void aMediumWithoutChannelWaitsUntilWoken() {
        BusinessEvent event = event("e-5");
        Communication sms = new Communication(UUID.randomUUID().toString(), event.id(), event.entity(), "r", "t", null,
                Medium.SMS, null, "+380671234567", "uk", CommunicationStatus.QUEUED, null, 0, NOW, NOW, null, null, null, null);
        store.outbox().ingest(event, List.of(sms));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().markWaiting(sms.id(), "no channel");
        Communication waiting = store.record().communication(sms.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, waiting.status());
        assertEquals("no channel", waiting.statusReason());
        assertTrue(store.outbox().claimDue(NOW.plusSeconds(3600), 1, NOW.plusSeconds(3700)).isEmpty());

        assertEquals(0, store.outbox().wakeWaiting(Medium.EMAIL, NOW));
        assertEquals(1, store.outbox().wakeWaiting(Medium.SMS, NOW));
        assertEquals(1, store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60)).size());
    }

    @Test
    public void anExpiredLeaseQueuesTheRowAgainWithTheOutcomeUnknown() {
        BusinessEvent event = event("e-6");
        Communication c = queued(event, "lease@example.com", NOW);
        store.outbox().ingest(event, List.of(c));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        // handed to its channel: the recipient may have it when the node dies before the outcome
        store.outbox().markHandedOver(List.of(c.id()));
        assertEquals(0, store.outbox().releaseExpiredLeases(NOW.plusSeconds(59)));
        assertEquals(1, store.outbox().releaseExpiredLeases(NOW.plusSeconds(61)));
        Communication again = store.record().communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, again.status());
        assertTrue(again.statusReason(), again.statusReason().startsWith("outcome unknown"));
        assertEquals("the interrupted attempt counts", 1, again.attempts());
        assertEquals(1, store.outbox().claimDue(NOW.plusSeconds(61), 1, NOW.plusSeconds(120)).size());
        assertEquals(1, store.outbox().releaseLeases(List.of(c.id())));
        store.outbox().claimDue(NOW.plusSeconds(62), 1, NOW.plusSeconds(120));
        store.outbox().markSent(c.id(), "smtp-main", "<2@example.com>", 1, "en", "s", "b", NOW.plusSeconds(63));
        Communication sent = store.record().communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.SENT, sent.status());
        assertEquals("a possible duplicate stays visible", JdbcOutbox.POSSIBLE_DUPLICATE, sent.statusReason());
    }

    /**
     * The mark is one statement per 500 rows: a round larger than that is marked whole, and a row
     * that is no longer SENDING (its lease expired and it was queued again) is left as it is.
     */
    @Test
    public void aRoundOfMoreThanOneStatementsRowsIsMarkedWholeAndOnlyWhileSending() {
        BusinessEvent event = event("e-mark-many");
        List<Communication> rows = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            rows.add(queued(event, "m" + i + "@example.com", NOW.minusMillis(i)));
        }
        store.outbox().ingest(event, rows);
        List<String> claimed = store.outbox().claimDue(NOW, 1_203, NOW.plusSeconds(60)).stream()
                .map(Communication::id).toList();
        assertEquals(1_203, claimed.size());
        String requeued = claimed.get(700);
        assertEquals(1, store.outbox().releaseLeases(List.of(requeued)));
        store.outbox().markHandedOver(claimed);
        assertEquals(1_202, store.outbox().releaseExpiredLeases(NOW.plusSeconds(61)));
        for (String id : claimed) {
            Communication again = store.record().communication(id).orElseThrow();
            assertEquals(CommunicationStatus.QUEUED, again.status());
            if (id.equals(requeued)) {
                assertEquals(id, null, again.statusReason());
            } else {
                assertTrue(id + ": " + again.statusReason(), again.statusReason().startsWith("outcome unknown"));
            }
        }
    }

    @Test
    public void oneTransactionMarksTheLastRoundHandedOverAndClaimsTheNextWithItsEvents() {
        BusinessEvent first = event("e-round-1");
        BusinessEvent second = event("e-round-2");
        Communication a = queued(first, "a@example.com", NOW.minusSeconds(3));
        Communication b = queued(second, "b@example.com", NOW.minusSeconds(2));
        Communication later = scheduled(second, "later@example.com", NOW.plusSeconds(3600));
        store.outbox().ingest(first, List.of(a));
        store.outbox().ingest(second, List.of(b, later));

        OutboxRepository.Claim round1 = store.outbox().handOverAndClaim(List.of(), NOW, 1, NOW.plusSeconds(60));
        assertEquals(List.of(a.id()), round1.claimed().stream().map(Communication::id).toList());
        assertEquals(Map.of(first.id(), first), round1.events());

        OutboxRepository.Claim round2 = store.outbox().handOverAndClaim(List.of(a.id()), NOW, 5, NOW.plusSeconds(60));
        assertEquals(List.of(b.id()), round2.claimed().stream().map(Communication::id).toList());
        assertEquals(Map.of(second.id(), second), round2.events());
        assertTrue(round2.claimed().stream().allMatch(c -> c.status() == CommunicationStatus.SENDING));

        // the mark is what crash recovery reads: a was handed over, b was not
        assertEquals(2, store.outbox().releaseExpiredLeases(NOW.plusSeconds(61)));
        assertTrue(store.record().communication(a.id()).orElseThrow().statusReason().startsWith("outcome unknown"));
        assertEquals(JdbcOutbox.NOT_HANDED_OVER, store.record().communication(b.id()).orElseThrow().statusReason());

        // a round that may claim nothing (no free slot) still marks
        OutboxRepository.Claim round3 = store.outbox().handOverAndClaim(List.of(), NOW.plusSeconds(61), 5,
                NOW.plusSeconds(120));
        assertEquals(2, round3.claimed().size());
        assertEquals(OutboxRepository.Claim.NONE, store.outbox().handOverAndClaim(List.of(b.id()), NOW.plusSeconds(61),
                0, NOW.plusSeconds(120)));
        assertEquals(2, store.outbox().releaseExpiredLeases(NOW.plusSeconds(121)));
        assertTrue(store.record().communication(b.id()).orElseThrow().statusReason().startsWith("outcome unknown"));
        assertEquals(JdbcOutbox.NOT_HANDED_OVER, store.record().communication(a.id()).orElseThrow().statusReason());
    }

    @Test
    public void outcomesAndReceiptsAreRecordedTogetherAndAReceiptFindsTheSentWrittenWithIt() {
        BusinessEvent event = event("e-outcomes");
        Communication sent = queued(event, "+4520000001", NOW);
        Communication retried = queued(event, "+4520000002", NOW);
        Communication earlier = queued(event, "+4520000003", NOW);
        store.outbox().ingest(event, List.of(sent, retried, earlier));
        store.outbox().claimDue(NOW, 3, NOW.plusSeconds(60));
        store.outbox().markSent(earlier.id(), "smpp-main", "m-0", 1, "en", null, "b", NOW);

        List<Boolean> matched = store.outbox().recordOutcomes(
                List.of(new OutboxRepository.Sent(sent.id(), "smpp-main", "m-1", 1, "uk", null, "Текст", NOW)),
                List.of(new OutboxRepository.Retry(retried.id(), "smpp-main", "attempt 1 failed: throttled",
                        NOW.plusSeconds(2))),
                List.of(new OutboxRepository.ProviderReport("smpp-main", "m-1", CommunicationStatus.DELIVERED, null),
                        new OutboxRepository.ProviderReport("smpp-main", "m-0", CommunicationStatus.FAILED, "expired"),
                        new OutboxRepository.ProviderReport("smpp-main", "unknown", CommunicationStatus.DELIVERED, null),
                        new OutboxRepository.ProviderReport("smpp-other", "m-1", CommunicationStatus.DELIVERED, null)));
        assertEquals(List.of(true, true, false, false), matched);

        Communication delivered = store.record().communication(sent.id()).orElseThrow();
        assertEquals(CommunicationStatus.DELIVERED, delivered.status());
        assertEquals("m-1", delivered.providerMessageId());
        assertEquals(1, delivered.attempts());
        Communication again = store.record().communication(retried.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, again.status());
        assertEquals("attempt 1 failed: throttled", again.statusReason());
        assertEquals(1, again.attempts());
        assertEquals(1, store.outbox().claimDue(NOW.plusSeconds(2), 5, NOW.plusSeconds(60)).size());
        Communication failed = store.record().communication(earlier.id()).orElseThrow();
        assertEquals(CommunicationStatus.FAILED, failed.status());
        assertEquals("expired", failed.statusReason());
        assertEquals(List.of(), store.outbox().recordOutcomes(List.of(), List.of(), List.of()));
    }

    @Test
    public void anOutcomeBatchAbortedForADeadlockIsWrittenAgainNotLost() throws Exception {
        // PostgreSQL aborts the transaction that waited first; H2 the one that closes the cycle
        org.junit.Assume.assumeTrue(database == Database.POSTGRESQL);
        BusinessEvent event = event("e-deadlock");
        Communication first = queued(event, "+4520000011", NOW);
        Communication second = queued(event, "+4520000012", NOW);
        store.outbox().ingest(event, List.of(first, second));
        store.outbox().claimDue(NOW, 2, NOW.plusSeconds(60));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (java.sql.Connection other = dataSource().getConnection()) {
            other.setAutoCommit(false);
            String touch = "UPDATE tidings_communication SET updated_at = updated_at WHERE id = ?";
            Transactions.execute(other, touch, second.id());
            int otherPid;
            try (java.sql.Statement pid = other.createStatement(); java.sql.ResultSet rs = pid.executeQuery(
                    "SELECT pg_backend_pid()")) {
                rs.next();
                otherPid = rs.getInt(1);
            }
            // the batch takes the first row, then waits for the second
            Future<List<Boolean>> batch = threads.submit(() -> store.outbox().recordOutcomes(List.of(
                    new OutboxRepository.Sent(first.id(), "smpp-main", "m-11", 1, "uk", null, "b", NOW),
                    new OutboxRepository.Sent(second.id(), "smpp-main", "m-12", 1, "uk", null, "b", NOW)),
                    List.of(), List.of()));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> blockedBy(otherPid));
            // now the other transaction wants the first row: a deadlock, and the batch waited first
            Future<?> closing = threads.submit(() -> {
                Transactions.execute(other, touch, first.id());
                other.commit();
                return null;
            });
            closing.get(60, java.util.concurrent.TimeUnit.SECONDS);
            batch.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(CommunicationStatus.SENT, store.record().communication(first.id()).orElseThrow().status());
        assertEquals(CommunicationStatus.SENT, store.record().communication(second.id()).orElseThrow().status());
    }

    /** Whether a session waits for a lock that session {@code pid} holds. */
    private boolean blockedBy(int pid) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE ? = ANY(pg_blocking_pids(pid))")) {
            s.setInt(1, pid);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    @Test
    public void aResultArrivingAfterItsLeaseExpiredIsStillRecorded() {
        BusinessEvent event = event("e-late");
        Communication c = queued(event, "late@example.com", NOW);
        store.outbox().ingest(event, List.of(c));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().releaseExpiredLeases(NOW.plusSeconds(61));
        store.outbox().markSent(c.id(), "smtp-main", "<late@example.com>", 1, "en", "s", "b", NOW.plusSeconds(62));
        assertEquals(CommunicationStatus.SENT, store.record().communication(c.id()).orElseThrow().status());
        assertTrue("not sent a second time", store.outbox().claimDue(NOW.plusSeconds(62), 1, NOW.plusSeconds(120)).isEmpty());
    }

    @Test
    public void concurrentIngestOfTheSameEventCreatesItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<io.tidings.core.store.IngestOutcome>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    BusinessEvent event = event("e-race");
                    return store.outbox().ingest(event, List.of(queued(event, "race@example.com", NOW)));
                }));
            }
            Set<List<String>> answers = new HashSet<>();
            int created = 0;
            for (Future<io.tidings.core.store.IngestOutcome> f : results) {
                io.tidings.core.store.IngestOutcome outcome = f.get();
                answers.add(outcome.communicationIds());
                created += outcome.duplicate() ? 0 : 1;
            }
            assertEquals(1, created);
            assertEquals("every caller got the same ids", 1, answers.size());
            assertEquals(1, store.record().communications(new CommunicationQuery(null, null, "race@example.com", null, 0)).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aBatchIsStoredAllOrNoneAndARepeatedIdAnswersTheFirstIds() {
        BusinessEvent first = event("run-a");
        BusinessEvent second = event("run-b");
        Communication toA = queued(first, "a@example.com", NOW);
        Communication toB = queued(second, "+4520123456", NOW);
        List<IngestOutcome> outcomes = store.outbox().ingestAll(List.of(
                new OutboxRepository.Planned(first, List.of(toA), Map.of(), List.of()),
                new OutboxRepository.Planned(second, List.of(toB), Map.of(), List.of()),
                new OutboxRepository.Planned(first, List.of(queued(first, "a@example.com", NOW)), Map.of(), List.of())));
        assertEquals(List.of(new IngestOutcome(false, List.of(toA.id())), new IngestOutcome(false, List.of(toB.id())),
                new IngestOutcome(true, List.of(toA.id()))), outcomes);
        assertEquals(List.of(toA.id()), store.outbox().communicationsOfEvent("run-a").orElseThrow());

        // a batch that cannot be stored whole stores nothing
        BusinessEvent fine = event("run-c");
        BusinessEvent broken = new BusinessEvent("run-d", "order.status_changed", null, null, null, Map.of());
        try {
            store.outbox().ingestAll(List.of(new OutboxRepository.Planned(fine, List.of(queued(fine, "c@example.com", NOW)), Map.of(),
                    List.of()), new OutboxRepository.Planned(broken, List.of(), Map.of(), List.of())));
            throw new AssertionError("a broken event was stored");
        } catch (RuntimeException expected) {
            // the whole batch is rolled back
        }
        assertTrue(store.outbox().communicationsOfEvent("run-c").isEmpty());
    }

    @Test
    public void aReusedProviderIdMovesOnlyTheNewestMessage() {
        BusinessEvent event = event("e-reuse");
        Communication stale = queued(event, "+4520123456", NOW);
        Communication fresh = queued(event, "+4520654321", NOW);
        store.outbox().ingest(event, List.of(stale, fresh));
        store.outbox().claimDue(NOW, 2, NOW.plusSeconds(60));
        // the gateway restarted and numbers its messages from the start again; the first never got a receipt
        store.outbox().markSent(stale.id(), "smpp-a", "1003", 1, "en", null, "first", NOW);
        store.outbox().markSent(fresh.id(), "smpp-a", "1003", 1, "en", null, "second", NOW.plusSeconds(30));

        assertTrue(store.outbox().markByProviderId("smpp-a", "1003", CommunicationStatus.DELIVERED, null));
        assertEquals(CommunicationStatus.DELIVERED, store.record().communication(fresh.id()).orElseThrow().status());
        assertEquals(CommunicationStatus.SENT, store.record().communication(stale.id()).orElseThrow().status());
        // the same receipt again (its deliver_sm_resp was lost) is not taken for the older message
        assertFalse(store.outbox().markByProviderId("smpp-a", "1003", CommunicationStatus.DELIVERED, null));
        assertEquals(CommunicationStatus.SENT, store.record().communication(stale.id()).orElseThrow().status());
    }

    @Test
    public void finalStatusesStayFinalAndFeedbackFindsItsMessage() {
        BusinessEvent event = event("e-7");
        Communication c = queued(event, "final@example.com", NOW);
        Communication other = queued(event, "cancel@example.com", NOW);
        store.outbox().ingest(event, List.of(c, other));
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().markSent(c.id(), "smpp-a", "msg-42", 1, "en", null, "Hi", NOW);
        assertFalse(store.outbox().markByProviderId("smpp-b", "msg-42", CommunicationStatus.DELIVERED, null));
        assertTrue(store.outbox().markByProviderId("smpp-a", "msg-42", CommunicationStatus.DELIVERED, null));
        assertEquals(CommunicationStatus.DELIVERED, store.record().communication(c.id()).orElseThrow().status());
        assertFalse(store.outbox().markFinal(c.id(), CommunicationStatus.FAILED, "late"));

        assertTrue(store.outbox().markFinal(other.id(), CommunicationStatus.CANCELLED, "booking cancelled"));
        assertTrue(store.outbox().claimDue(NOW, 5, NOW.plusSeconds(60)).isEmpty());
        assertEquals(1, store.record().communications(new CommunicationQuery(null, null, null, CommunicationStatus.CANCELLED, 10)).size());
        assertEquals(Long.valueOf(1), store.record().countByStatus().get(CommunicationStatus.DELIVERED));
    }

    @Test
    public void aNodeQueuesItsOwnClaimsAgainAtStartAndOnlyWhatReachedAChannelIsFlagged() {
        JdbcRepositories mine = new JdbcRepositories(dataSource(), dialect(), java.time.Clock.systemUTC(), "node-a");
        JdbcRepositories other = new JdbcRepositories(dataSource(), dialect(), java.time.Clock.systemUTC(), "node-b");
        BusinessEvent event = event("e-crash");
        Communication handed = queued(event, "handed@example.com", NOW.minusSeconds(3));
        Communication prepared = queued(event, "prepared@example.com", NOW.minusSeconds(2));
        Communication elsewhere = queued(event, "elsewhere@example.com", NOW.minusSeconds(1));
        store.outbox().ingest(event, List.of(handed, prepared, elsewhere));
        assertEquals(List.of(handed.id(), prepared.id()), ids(mine.outbox().claimDue(NOW, 2, NOW.plusSeconds(20))));
        assertEquals(List.of(elsewhere.id()), ids(other.outbox().claimDue(NOW, 5, NOW.plusSeconds(20))));
        mine.outbox().markHandedOver(List.of(handed.id()));

        assertEquals("a node renews its own sends in progress", 2,
                mine.outbox().renewLeases(NOW.plusSeconds(60), NOW.minusSeconds(120)));
        assertEquals("not those claimed longer ago than a send may take", 0,
                mine.outbox().renewLeases(NOW.plusSeconds(60), NOW.plusSeconds(1)));

        // node-a restarts: what it held is queued again at once, node-b's row stays with node-b
        JdbcRepositories restarted = new JdbcRepositories(dataSource(), dialect(), java.time.Clock.systemUTC(), "node-a");
        assertEquals(2, restarted.outbox().releaseOwnLeases(NOW.plusSeconds(1)));
        Communication again = store.record().communication(handed.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, again.status());
        assertEquals(JdbcOutbox.OUTCOME_UNKNOWN, again.statusReason());
        assertEquals("the interrupted attempt counts", 1, again.attempts());
        Communication unsent = store.record().communication(prepared.id()).orElseThrow();
        assertEquals(JdbcOutbox.NOT_HANDED_OVER, unsent.statusReason());
        assertEquals(CommunicationStatus.SENDING, store.record().communication(elsewhere.id()).orElseThrow().status());

        List<Communication> retried = restarted.outbox().claimDue(NOW.plusSeconds(2), 5, NOW.plusSeconds(30));
        assertEquals(2, retried.size());
        restarted.outbox().markSent(handed.id(), "smtp-main", "<1@x>", 1, "en", null, "Hi", NOW.plusSeconds(3));
        restarted.outbox().markSent(prepared.id(), "smtp-main", "<2@x>", 1, "en", null, "Hi", NOW.plusSeconds(3));
        assertEquals("it may have reached the recipient before", JdbcOutbox.POSSIBLE_DUPLICATE,
                store.record().communication(handed.id()).orElseThrow().statusReason());
        assertEquals("it never reached a channel before: no duplicate possible", null,
                store.record().communication(prepared.id()).orElseThrow().statusReason());
    }

    @Test
    public void cancelTakesOnlyWhatIsNotYetBeingSent() {
        BusinessEvent event = event("e-cancel");
        Communication sending = queued(event, "sending@example.com", NOW);
        Communication waiting = queued(event, "waiting@example.com", NOW.plusSeconds(3600));
        store.outbox().ingest(event, List.of(sending, waiting));
        assertEquals(1, store.outbox().claimDue(NOW, 5, NOW.plusSeconds(60)).size());
        assertFalse("a send in flight is not overwritten", store.outbox().cancel(sending.id(), "booking cancelled"));
        assertEquals(CommunicationStatus.SENDING, store.record().communication(sending.id()).orElseThrow().status());
        assertTrue(store.outbox().cancel(waiting.id(), "booking cancelled"));
        Communication cancelled = store.record().communication(waiting.id()).orElseThrow();
        assertEquals(CommunicationStatus.CANCELLED, cancelled.status());
        assertEquals("booking cancelled", cancelled.statusReason());
        assertFalse("once", store.outbox().cancel(waiting.id(), "again"));
    }

    @Test
    public void sentOutcomesAreRecordedTogetherInOneCall() {
        BusinessEvent event = event("e-batch");
        List<Communication> planned = List.of(queued(event, "a@example.com", NOW), queued(event, "b@example.com", NOW),
                queued(event, "c@example.com", NOW));
        store.outbox().ingest(event, planned);
        List<Communication> claimed = store.outbox().claimDue(NOW.plusSeconds(1), 10, NOW.plusSeconds(60));
        assertEquals(3, claimed.size());
        List<io.tidings.core.store.OutboxRepository.Sent> sent = new java.util.ArrayList<>();
        for (Communication c : claimed) {
            sent.add(new io.tidings.core.store.OutboxRepository.Sent(c.id(), "smtp-main", "<" + c.id() + "@example.com>", 2, "da",
                    "Påmindelse", "Kære Søren", NOW.plusSeconds(2)));
        }
        store.outbox().markSentAll(sent);
        for (Communication c : claimed) {
            Communication stored = store.record().communication(c.id()).orElseThrow();
            assertEquals(CommunicationStatus.SENT, stored.status());
            assertEquals("<" + c.id() + "@example.com>", stored.providerMessageId());
            assertEquals("Påmindelse", stored.subject());
            assertEquals(1, stored.attempts());
        }
        store.outbox().markSentAll(List.of());
    }
}
