package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
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

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Erasure;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkResponse;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;

/** The store's contract, run against every database the store supports. */
public abstract class StoreContract {

    protected static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    protected JdbcStore store;

    /** A fresh, migrated database for each test. */
    protected abstract DataSource dataSource();

    protected abstract Dialect dialect();

    @Before
    public void freshStore() {
        DataSource ds = dataSource();
        Migrations.migrate(ds);
        store = new JdbcStore(ds, dialect(), Clock.systemUTC());
    }

    @Test
    public void migrationsAreRecordedAndIdempotent() {
        assertEquals(0, Migrations.migrate(dataSource()));
    }

    @Test
    public void theSameEventTwiceCreatesNothingNew() {
        BusinessEvent event = event("e-1");
        List<Communication> planned = List.of(queued(event, "a@example.com", NOW), queued(event, "+4520123456", NOW));
        var first = store.ingest(event, planned);
        assertFalse(first.duplicate());
        assertEquals(2, first.communicationIds().size());

        var second = store.ingest(event, List.of(queued(event, "other@example.com", NOW)));
        assertTrue(second.duplicate());
        assertEquals(Set.copyOf(first.communicationIds()), Set.copyOf(second.communicationIds()));
        assertEquals(Set.copyOf(first.communicationIds()), Set.copyOf(store.communicationsOfEvent("e-1").orElseThrow()));
        assertEquals(2, store.communications(new CommunicationQuery("order", "4711", null, null, 0)).size());
        assertTrue(store.communicationsOfEvent("unknown").isEmpty());
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
        store.ingest(event, List.of());
        BusinessEvent read = store.event("e-lang").orElseThrow();
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
        store.ingest(event, List.of(later, earlier, future, suppressed));

        List<Communication> claimed = store.claimDue(NOW, 10, NOW.plusSeconds(60));
        assertEquals(List.of(earlier.id(), later.id()), claimed.stream().map(Communication::id).toList());
        assertTrue(claimed.stream().allMatch(c -> c.status() == CommunicationStatus.SENDING));
        assertTrue(store.claimDue(NOW, 10, NOW.plusSeconds(60)).isEmpty());

        List<Communication> atTheirTime = store.claimDue(NOW.plusSeconds(3600), 10, NOW.plusSeconds(3700));
        assertEquals(List.of(future.id()), atTheirTime.stream().map(Communication::id).toList());
    }

    @Test
    public void concurrentClaimersNeverShareARow() throws Exception {
        BusinessEvent event = event("e-3");
        List<Communication> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(queued(event, "p" + i + "@example.com", NOW.minusMillis(i)));
        }
        store.ingest(event, rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit((Callable<List<String>>) () -> {
                    List<String> mine = new ArrayList<>();
                    List<Communication> batch;
                    while (!(batch = store.claimDue(NOW, 7, NOW.plusSeconds(60))).isEmpty()) {
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
        store.ingest(event, List.of(c));
        store.claimDue(NOW, 1, NOW.plusSeconds(60));
        store.markRetry(c.id(), "smtp-main", "attempt 1 failed: connection refused", NOW.plusSeconds(2));

        Communication retried = store.communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, retried.status());
        assertEquals(1, retried.attempts());
        assertEquals("smtp-main", retried.channel());
        assertTrue(store.claimDue(NOW.plusSeconds(1), 1, NOW.plusSeconds(60)).isEmpty());
        assertEquals(1, store.claimDue(NOW.plusSeconds(2), 1, NOW.plusSeconds(60)).size());

        store.markSent(c.id(), "smtp-main", "<id@example.com>", 3, "uk", "Тема", "Текст", NOW.plusSeconds(3));
        Communication sent = store.communication(c.id()).orElseThrow();
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
        store.ingest(event, List.of(sms));
        store.claimDue(NOW, 1, NOW.plusSeconds(60));
        store.markWaiting(sms.id(), "no channel");
        Communication waiting = store.communication(sms.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, waiting.status());
        assertEquals("no channel", waiting.statusReason());
        assertTrue(store.claimDue(NOW.plusSeconds(3600), 1, NOW.plusSeconds(3700)).isEmpty());

        assertEquals(0, store.wakeWaiting(Medium.EMAIL, NOW));
        assertEquals(1, store.wakeWaiting(Medium.SMS, NOW));
        assertEquals(1, store.claimDue(NOW, 1, NOW.plusSeconds(60)).size());
    }

    @Test
    public void anExpiredLeaseQueuesTheRowAgainWithTheOutcomeUnknown() {
        BusinessEvent event = event("e-6");
        Communication c = queued(event, "lease@example.com", NOW);
        store.ingest(event, List.of(c));
        store.claimDue(NOW, 1, NOW.plusSeconds(60));
        assertEquals(0, store.releaseExpiredLeases(NOW.plusSeconds(59)));
        assertEquals(1, store.releaseExpiredLeases(NOW.plusSeconds(61)));
        Communication again = store.communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.QUEUED, again.status());
        assertTrue(again.statusReason(), again.statusReason().startsWith("outcome unknown"));
        assertEquals("the interrupted attempt counts", 1, again.attempts());
        assertEquals(1, store.claimDue(NOW.plusSeconds(61), 1, NOW.plusSeconds(120)).size());
        assertEquals(1, store.releaseLeases(List.of(c.id())));
        store.claimDue(NOW.plusSeconds(62), 1, NOW.plusSeconds(120));
        store.markSent(c.id(), "smtp-main", "<2@example.com>", 1, "en", "s", "b", NOW.plusSeconds(63));
        Communication sent = store.communication(c.id()).orElseThrow();
        assertEquals(CommunicationStatus.SENT, sent.status());
        assertEquals("a possible duplicate stays visible", JdbcStore.POSSIBLE_DUPLICATE, sent.statusReason());
    }

    @Test
    public void aResultArrivingAfterItsLeaseExpiredIsStillRecorded() {
        BusinessEvent event = event("e-late");
        Communication c = queued(event, "late@example.com", NOW);
        store.ingest(event, List.of(c));
        store.claimDue(NOW, 1, NOW.plusSeconds(60));
        store.releaseExpiredLeases(NOW.plusSeconds(61));
        store.markSent(c.id(), "smtp-main", "<late@example.com>", 1, "en", "s", "b", NOW.plusSeconds(62));
        assertEquals(CommunicationStatus.SENT, store.communication(c.id()).orElseThrow().status());
        assertTrue("not sent a second time", store.claimDue(NOW.plusSeconds(62), 1, NOW.plusSeconds(120)).isEmpty());
    }

    @Test
    public void concurrentIngestOfTheSameEventCreatesItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<io.tidings.core.store.IngestOutcome>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    BusinessEvent event = event("e-race");
                    return store.ingest(event, List.of(queued(event, "race@example.com", NOW)));
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
            assertEquals(1, store.communications(new CommunicationQuery(null, null, "race@example.com", null, 0)).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void retentionRemovesWhatIsDoneWithAndKeepsWhatIsStillToSend() {
        BusinessEvent ordered = event("e-old-1");
        Communication sent = queued(ordered, "sent@example.com", NOW);
        Communication reminder = scheduled(ordered, "+4520123456", NOW.plusSeconds(86_400));
        store.ingest(ordered, List.of(sent, reminder));
        BusinessEvent refused = event("e-old-2");
        Communication failed = queued(refused, "failed@example.com", NOW);
        store.ingest(refused, List.of(failed));
        BusinessEvent unmatched = event("e-old-3");
        store.ingest(unmatched, List.of());
        store.claimDue(NOW, 1, NOW.plusSeconds(60));
        store.markSent(sent.id(), "smtp-main", "m-1", 1, "en", "Hi", "Hello", NOW);
        store.markFinal(failed.id(), CommunicationStatus.FAILED, "gave up");
        store.recordOpen(sent.id(), NOW.plusSeconds(5));

        assertEquals("nothing is older than the retention yet", 0, store.purge(NOW.minusSeconds(1), 100));
        assertTrue(store.communication(sent.id()).isPresent());

        Instant later = Instant.now().plusSeconds(86_400);
        assertEquals(2, store.purge(later, 100));
        assertTrue(store.communication(sent.id()).isEmpty());
        assertTrue(store.communication(failed.id()).isEmpty());
        assertEquals("its engagement goes with it", 0, store.engagement(sent.id()).opens());
        assertEquals("a scheduled reminder stays, however old", CommunicationStatus.SCHEDULED,
                store.communication(reminder.id()).orElseThrow().status());
        assertTrue("and so does its event", store.event(ordered.id()).isPresent());
        assertTrue(store.event(refused.id()).isEmpty());
        assertTrue("an event no rule planned a message for goes too", store.event(unmatched.id()).isEmpty());
        assertEquals("nothing more is due", 0, store.purge(later, 100));
    }

    @Test
    public void aBatchIsStoredAllOrNoneAndARepeatedIdAnswersTheFirstIds() {
        BusinessEvent first = event("run-a");
        BusinessEvent second = event("run-b");
        Communication toA = queued(first, "a@example.com", NOW);
        Communication toB = queued(second, "+4520123456", NOW);
        List<IngestOutcome> outcomes = store.ingestAll(List.of(
                new OutboxRepository.Planned(first, List.of(toA), Map.of(), List.of()),
                new OutboxRepository.Planned(second, List.of(toB), Map.of(), List.of()),
                new OutboxRepository.Planned(first, List.of(queued(first, "a@example.com", NOW)), Map.of(), List.of())));
        assertEquals(List.of(new IngestOutcome(false, List.of(toA.id())), new IngestOutcome(false, List.of(toB.id())),
                new IngestOutcome(true, List.of(toA.id()))), outcomes);
        assertEquals(List.of(toA.id()), store.communicationsOfEvent("run-a").orElseThrow());

        // a batch that cannot be stored whole stores nothing
        BusinessEvent fine = event("run-c");
        BusinessEvent broken = new BusinessEvent("run-d", "order.status_changed", null, null, null, Map.of());
        try {
            store.ingestAll(List.of(new OutboxRepository.Planned(fine, List.of(queued(fine, "c@example.com", NOW)), Map.of(),
                    List.of()), new OutboxRepository.Planned(broken, List.of(), Map.of(), List.of())));
            throw new AssertionError("a broken event was stored");
        } catch (RuntimeException expected) {
            // the whole batch is rolled back
        }
        assertTrue(store.communicationsOfEvent("run-c").isEmpty());
    }

    @Test
    public void erasingAContactRemovesItsMessagesAndLinksAndKeepsItsOptOuts() {
        String taras = "taras@example.com";
        BusinessEvent alone = event("e-erase-1");
        Communication toTaras = queued(alone, taras, NOW);
        store.ingest(alone, List.of(toTaras));
        BusinessEvent shared = event("e-erase-2");
        Communication alsoToTaras = queued(shared, taras, NOW);
        Communication toOlena = queued(shared, "olena@example.com", NOW);
        store.ingest(shared, List.of(alsoToTaras, toOlena));
        store.recordOpen(toTaras.id(), NOW);
        store.saveLinkResponse(new LinkResponse("r-erase", LinkAction
                .SERVICE_REQUEST_RESPONSE_ACCEPTANCE, taras, toTaras.id(), "service_request", "SR-1", NOW));
        store.saveOptIn(taras, Purpose.AFFILIATE_MARKETING, NOW);
        store.saveOptOut(new OptOut(taras, Purpose.MARKETING, NOW));

        Erasure erased = store.erase(taras);
        assertEquals(new Erasure(taras, 2, 1, 1, 1, 1), erased);
        assertTrue(store.communication(toTaras.id()).isEmpty());
        assertTrue(store.communication(alsoToTaras.id()).isEmpty());
        assertTrue("the event that only concerned the contact goes", store.event(alone.id()).isEmpty());
        assertTrue("one that concerned someone else stays", store.event(shared.id()).isPresent());
        assertTrue(store.communication(toOlena.id()).isPresent());
        assertEquals(0, store.engagement(toTaras.id()).opens());
        assertTrue(store.linkResponses("service_request", "SR-1", null, 10).isEmpty());
        assertFalse(store.optedIn(taras, Purpose.AFFILIATE_MARKETING));
        assertTrue("an opt-out is kept so that it is honoured", store.optedOut(taras, Purpose.MARKETING));
        assertEquals("nothing left", new Erasure(taras, 0, 0, 0, 0, 1), store.erase(taras));
    }

    @Test
    public void aReusedProviderIdMovesOnlyTheNewestMessage() {
        BusinessEvent event = event("e-reuse");
        Communication stale = queued(event, "+4520123456", NOW);
        Communication fresh = queued(event, "+4520654321", NOW);
        store.ingest(event, List.of(stale, fresh));
        store.claimDue(NOW, 2, NOW.plusSeconds(60));
        // the gateway restarted and numbers its messages from the start again; the first never got a receipt
        store.markSent(stale.id(), "smpp-a", "1003", 1, "en", null, "first", NOW);
        store.markSent(fresh.id(), "smpp-a", "1003", 1, "en", null, "second", NOW.plusSeconds(30));

        assertTrue(store.markByProviderId("smpp-a", "1003", CommunicationStatus.DELIVERED, null));
        assertEquals(CommunicationStatus.DELIVERED, store.communication(fresh.id()).orElseThrow().status());
        assertEquals(CommunicationStatus.SENT, store.communication(stale.id()).orElseThrow().status());
        // the same receipt again (its deliver_sm_resp was lost) is not taken for the older message
        assertFalse(store.markByProviderId("smpp-a", "1003", CommunicationStatus.DELIVERED, null));
        assertEquals(CommunicationStatus.SENT, store.communication(stale.id()).orElseThrow().status());
    }

    @Test
    public void finalStatusesStayFinalAndFeedbackFindsItsMessage() {
        BusinessEvent event = event("e-7");
        Communication c = queued(event, "final@example.com", NOW);
        Communication other = queued(event, "cancel@example.com", NOW);
        store.ingest(event, List.of(c, other));
        store.claimDue(NOW, 1, NOW.plusSeconds(60));
        store.markSent(c.id(), "smpp-a", "msg-42", 1, "en", null, "Hi", NOW);
        assertFalse(store.markByProviderId("smpp-b", "msg-42", CommunicationStatus.DELIVERED, null));
        assertTrue(store.markByProviderId("smpp-a", "msg-42", CommunicationStatus.DELIVERED, null));
        assertEquals(CommunicationStatus.DELIVERED, store.communication(c.id()).orElseThrow().status());
        assertFalse(store.markFinal(c.id(), CommunicationStatus.FAILED, "late"));

        assertTrue(store.markFinal(other.id(), CommunicationStatus.CANCELLED, "booking cancelled"));
        assertTrue(store.claimDue(NOW, 5, NOW.plusSeconds(60)).isEmpty());
        assertEquals(1, store.communications(new CommunicationQuery(null, null, null, CommunicationStatus.CANCELLED, 10)).size());
        assertEquals(Long.valueOf(1), store.countByStatus().get(CommunicationStatus.DELIVERED));
    }

    @Test
    public void queriesFilterByEntityContactAndStatusNewestFirst() {
        BusinessEvent first = event("e-8");
        BusinessEvent second = new BusinessEvent("e-9", "booking.confirmed", OffsetDateTime.parse("2026-11-23T10:00:00+01:00"),
                null, new EntityRef("booking", "B-1"), Map.of());
        Communication a = queued(first, "same@example.com", NOW);
        Communication b = new Communication(UUID.randomUUID().toString(), second.id(), second.entity(), "r", "t", null,
                Medium.EMAIL, null, "same@example.com", "da", CommunicationStatus.QUEUED, null, 0, NOW,
                NOW.plusSeconds(1), null, null, null, null);
        store.ingest(first, List.of(a));
        store.ingest(second, List.of(b));
        assertEquals(List.of(b.id(), a.id()), ids(store.communications(new CommunicationQuery(null, null, "same@example.com", null, 0))));
        assertEquals(List.of(b.id()), ids(store.communications(new CommunicationQuery("booking", "B-1", null, null, 0))));
        assertEquals(List.of(a.id()), ids(store.communications(new CommunicationQuery("order", null, null, CommunicationStatus.QUEUED, 0))));
        assertEquals(1, store.communications(new CommunicationQuery(null, null, null, null, 1)).size());
    }

    @Test
    public void everyTemplateEditIsANewVersionAndOldVersionsStay() {
        Template v1 = new Template("order-ready", "Order ready", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("Ready #order.number", "<p>Hi</p>", null),
                        "uk", new TemplateContent("Готово #order.number", "<p>Вітаємо</p>", "Вітаємо")), 0);
        assertEquals(1, store.saveTemplate(v1).version());
        Template v2 = store.saveTemplate(new Template("order-ready", "Order is ready", Medium.EMAIL, "uk", v1.contents(), 0));
        assertEquals(2, v2.version());
        assertEquals(v2, store.template("order-ready").orElseThrow());
        assertEquals("Order ready", store.template("order-ready", 1).orElseThrow().name());
        assertEquals(v1.contents(), store.template("order-ready", 1).orElseThrow().contents());
        assertEquals(List.of(v2), store.templates());

        assertTrue(store.deleteTemplate("order-ready"));
        assertTrue(store.template("order-ready").isEmpty());
        assertTrue(store.templates().isEmpty());
        assertTrue("versions stay for the record", store.template("order-ready", 2).isPresent());
        assertFalse(store.deleteTemplate("order-ready"));
        assertEquals(3, store.saveTemplate(v1).version());
    }

    @Test
    public void rulesRoundTripWithEveryField() {
        NotificationRule rule = new NotificationRule("vip-ready", "VIP — замовлення готове", "order.status_changed",
                "ready", List.of("kyiv", "lviv"), "order.total > 100 && contact_information.segment == 'vip'",
                List.of("order-ready-email", "order-ready-sms"), List.of("contact_information", "order.manager_email",
                        "shop@example.com"), Purpose.MARKETING, Duration.ofHours(1), false);
        store.saveRule(rule);
        assertEquals(rule, store.rule("vip-ready").orElseThrow());
        NotificationRule edited = new NotificationRule("vip-ready", "VIP", "order.created", null, List.of(), null,
                List.of("t"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true);
        store.saveRule(edited);
        assertEquals(List.of(edited), store.rules());
        assertTrue(store.deleteRule("vip-ready"));
        assertFalse(store.deleteRule("vip-ready"));
        assertTrue(store.rules().isEmpty());
    }

    @Test
    public void theLatestConsentChoiceWinsAndAddressesCompareWithoutCase() {
        assertFalse(store.optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));
        store.saveOptOut(new OptOut("Ann@Example.com", Purpose.AFFILIATE_MARKETING, NOW));
        assertTrue(store.optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));
        assertFalse(store.optedOut("ann@example.com", Purpose.MARKETING));

        store.saveOptIn("ANN@example.com", Purpose.AFFILIATE_MARKETING, NOW.plusSeconds(60));
        assertTrue(store.optedIn("ann@example.com", Purpose.AFFILIATE_MARKETING));
        assertFalse("an opt-in withdraws the opt-out", store.optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));

        store.saveOptOut(new OptOut("ann@example.com", Purpose.AFFILIATE_MARKETING,
                NOW.plusSeconds(120)));
        assertFalse("an opt-out withdraws the opt-in", store.optedIn("ann@example.com", Purpose.AFFILIATE_MARKETING));
        assertTrue(store.optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));
    }

    @Test
    public void aLinkResponseIsRecordedOncePerMessageAndAction() {
        var first = new LinkResponse(UUID.randomUUID().toString(),
                LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, "olena@example.com", "c-1",
                "service_request", "SR-7", NOW);
        assertEquals(first, store.saveLinkResponse(first));
        var again = new LinkResponse(UUID.randomUUID().toString(), first.action(),
                first.address(), "c-1", "service_request", "SR-7", NOW.plusSeconds(30));
        assertEquals("the second visit finds the first record", first, store.saveLinkResponse(again));
        var other = new LinkResponse(UUID.randomUUID().toString(),
                LinkAction.OPT_OUT_DIRECT_MARKETING, "olena@example.com", "c-2", "order", "4711",
                NOW.plusSeconds(60));
        store.saveLinkResponse(other);

        assertEquals(List.of(first), store.linkResponses("service_request", "SR-7", null, 100));
        assertEquals(List.of(first, other), store.linkResponses(null, null, null, 100));
        assertEquals(List.of(other), store.linkResponses(null, null, NOW.plusSeconds(1), 100));
    }

    @Test
    public void aTemplatesAttachmentsRoundTrip() {
        var files = List.of(new io.tidings.api.template.TemplateAttachment("Рахунок №42.pdf", null, "bill.pdf",
                "application/pdf", false, null), new io.tidings.api.template.TemplateAttachment("logo.png",
                        "https://cdn.example.com/logo.png", null, "image/png", true, "logo"));
        Template saved = store.saveTemplate(new Template("bill", "Bill", Medium.EMAIL, "uk",
                Map.of("uk", new TemplateContent("Рахунок", "<img src=\"cid:logo\">", null)), 0, files));
        assertEquals(files, store.template("bill").orElseThrow().attachments());
        assertEquals(files, store.template("bill", saved.version()).orElseThrow().attachments());
        Template plain = store.saveTemplate(new Template("plain", "Plain", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "Рахунок")), 0));
        assertTrue(store.template(plain.key()).orElseThrow().attachments().isEmpty());
    }

    @Test
    public void sentOutcomesAreRecordedTogetherInOneCall() {
        BusinessEvent event = event("e-batch");
        List<Communication> planned = List.of(queued(event, "a@example.com", NOW), queued(event, "b@example.com", NOW),
                queued(event, "c@example.com", NOW));
        store.ingest(event, planned);
        List<Communication> claimed = store.claimDue(NOW.plusSeconds(1), 10, NOW.plusSeconds(60));
        assertEquals(3, claimed.size());
        List<io.tidings.core.store.OutboxRepository.Sent> sent = new java.util.ArrayList<>();
        for (Communication c : claimed) {
            sent.add(new io.tidings.core.store.OutboxRepository.Sent(c.id(), "smtp-main", "<" + c.id() + "@example.com>", 2, "da",
                    "Påmindelse", "Kære Søren", NOW.plusSeconds(2)));
        }
        store.markSentAll(sent);
        for (Communication c : claimed) {
            Communication stored = store.communication(c.id()).orElseThrow();
            assertEquals(CommunicationStatus.SENT, stored.status());
            assertEquals("<" + c.id() + "@example.com>", stored.providerMessageId());
            assertEquals("Påmindelse", stored.subject());
            assertEquals(1, stored.attempts());
        }
        store.markSentAll(List.of());
    }

    @Test
    public void opensAndClicksAreCountedPerEmailAndSummedPerRule() {
        BusinessEvent event = event("e-engage");
        List<Communication> planned = List.of(queued(event, "a@example.com", NOW), queued(event, "b@example.com", NOW));
        store.ingest(event, planned);
        List<Communication> claimed = store.claimDue(NOW.plusSeconds(1), 10, NOW.plusSeconds(60));
        for (Communication c : claimed) {
            store.markSent(c.id(), "smtp-main", "<" + c.id() + ">", 1, "en", "s", "b", NOW.plusSeconds(2));
        }
        String first = claimed.get(0).id();
        store.recordOpen(first, NOW.plusSeconds(10));
        store.recordOpen(first, NOW.plusSeconds(20));
        store.recordClick(first, NOW.plusSeconds(30));
        store.recordOpen("not-on-record", NOW);

        var engagement = store.engagement(first);
        assertEquals(NOW.plusSeconds(10), engagement.firstOpenedAt());
        assertEquals(2, engagement.opens());
        assertEquals(NOW.plusSeconds(30), engagement.firstClickedAt());
        assertEquals(1, engagement.clicks());
        assertEquals(0, store.engagement(claimed.get(1).id()).opens());

        var summary = store.engagementSummary("rule", null);
        assertEquals(2, summary.sent());
        assertEquals(1, summary.opened());
        assertEquals(1, summary.clicked());
        assertEquals(0, store.engagementSummary("rule", NOW.plusSeconds(3600)).sent());
    }

    @Test
    public void theOutboxHandsEachMessageToOneClaimerUntilItsLeaseRunsOut() {
        var first = new io.tidings.api.queue.QueuedMessage("c-1", "SMS", "+380671234567", "Олена", null,
                "Замовлення готове", null, "uk", null);
        var second = new io.tidings.api.queue.QueuedMessage("c-2", "SMS", "+4520123456", "Søren", null, "Din ordre er klar",
                null, "da", null);
        store.outboxPut("external-crm", first, NOW);
        store.outboxPut("external-crm", second, NOW.plusSeconds(1));
        store.outboxPut("external-other", new io.tidings.api.queue.QueuedMessage("c-3", "SMS", "+33612345678", null, null,
                "Prêt", null, "fr", null), NOW);

        var claimed = store.outboxClaim("external-crm", 10, NOW.plusSeconds(5), NOW.plusSeconds(65));
        assertEquals(List.of("c-1", "c-2"), claimed.stream().map(io.tidings.api.queue.QueuedMessage::communicationId).toList());
        assertEquals("Замовлення готове", claimed.get(0).text());
        assertEquals(NOW.plusSeconds(65), claimed.get(0).claimedUntil());
        assertTrue("held while the lease runs", store.outboxClaim("external-crm", 10, NOW.plusSeconds(30),
                NOW.plusSeconds(90)).isEmpty());
        assertEquals(2, store.outboxClaim("external-crm", 10, NOW.plusSeconds(66), NOW.plusSeconds(126)).size());

        assertTrue(store.outboxRemove("external-crm", "c-1"));
        assertFalse(store.outboxRemove("external-crm", "c-1"));
        assertFalse("another channel's message", store.outboxRemove("external-crm", "c-3"));
        assertEquals(List.of("c-2"), store.outboxClaim("external-crm", 10, NOW.plusSeconds(200), NOW.plusSeconds(260))
                .stream().map(io.tidings.api.queue.QueuedMessage::communicationId).toList());
    }

    @Test
    public void aSettingIsStoredOnceAndKept() {
        assertEquals("first", store.setting("links.secret", () -> "first"));
        assertEquals("first", store.setting("links.secret", () -> "second"));
    }

    // ---- fixtures

    protected static BusinessEvent event(String id) {
        return new BusinessEvent(id, "order.status_changed", OffsetDateTime.parse("2026-11-23T10:00:00+02:00"), "kyiv",
                new EntityRef("order", "4711"), Map.of("order", Map.of("number", "4711", "status", "ready")));
    }

    protected static Communication queued(BusinessEvent event, String recipient, Instant notBefore) {
        return new Communication(UUID.randomUUID().toString(), event.id(), event.entity(), "rule", "template", null,
                recipient.contains("@") ? Medium.EMAIL : Medium.SMS, null, recipient, "en", CommunicationStatus.QUEUED,
                null, 0, notBefore, NOW, null, null, null, null);
    }

    private static Communication scheduled(BusinessEvent event, String recipient, Instant notBefore) {
        return queued(event, recipient, notBefore).withStatus(CommunicationStatus.SCHEDULED, null);
    }

    private static List<String> ids(List<Communication> communications) {
        return Collections.unmodifiableList(communications.stream().map(Communication::id).toList());
    }
}
