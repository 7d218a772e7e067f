package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Purpose;
import io.tidings.api.run.NotificationRun;
import io.tidings.api.run.RunReport;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;

/** Notification runs: their events, their communications through them, cancelling and reporting. */
public class JdbcRunsTest extends RepositoryContract {

    private static NotificationRun run(String key) {
        return new NotificationRun(key, "Рахунки за березень", Purpose.TRANSACTIONAL, null, NOW, "billing", null, null);
    }

    private static OutboxRepository.Planned planned(BusinessEvent event, String... recipients) {
        return new OutboxRepository.Planned(event, java.util.Arrays.stream(recipients)
                .map(r -> queued(event, r, NOW)).toList(), Map.of(), List.of());
    }

    @Test
    public void openingTwiceKeepsTheFirstRun() {
        store.runs().open(run("bills-2026-03"));
        NotificationRun again = store.runs().open(new NotificationRun("bills-2026-03", "other", null, null, NOW,
                "someone", null, null));
        assertEquals("Рахунки за березень", again.name());
        assertEquals("billing", again.createdBy());
        assertEquals(List.of("bills-2026-03"), store.runs().runs(10).stream().map(NotificationRun::key).toList());
    }

    @Test
    public void aBatchJoinsTheRunAllOrNoneAndAKnownEventJoinsNoRun() {
        store.runs().open(run("march"));
        store.runs().open(run("april"));
        List<IngestOutcome> first = store.runs().ingestInto("march",
                List.of(planned(event("e-1"), "olena@example.com"), planned(event("e-2"), "+380671234567")));
        assertFalse(first.get(0).duplicate());
        List<IngestOutcome> second = store.runs().ingestInto("april", List.of(planned(event("e-2"), "x@example.com"),
                planned(event("e-3"), "søren@example.dk")));
        assertTrue(second.get(0).duplicate());
        assertEquals(2, store.record().communications(new CommunicationQuery(null, null, null, null, 0, "march")).size());
        assertEquals(List.of("søren@example.dk"), store.record().communications(
                new CommunicationQuery(null, null, null, null, 0, "april")).stream().map(c -> c.recipient()).toList());
        assertEquals(2, store.runs().report("march").orElseThrow().events());
        assertEquals(1, store.runs().report("april").orElseThrow().events());
    }

    @Test
    public void cancellingLeavesWhatWasSentAndCancelsTheRest() {
        store.runs().open(run("offer"));
        List<IngestOutcome> outcomes = store.runs().ingestInto("offer", List.of(planned(event("o-1"), "a@example.com"),
                planned(event("o-2"), "b@example.com"), new OutboxRepository.Planned(event("o-3"),
                        List.of(scheduled(event("o-3"), "c@example.com", NOW.plusSeconds(3_600))), Map.of(), List.of())));
        String sent = outcomes.get(0).communicationIds().get(0);
        String suppressed = outcomes.get(1).communicationIds().get(0);
        store.outbox().markFinal(suppressed, CommunicationStatus.SUPPRESSED, "no consent for MARKETING by EMAIL");
        store.outbox().claimDue(NOW, 10, NOW.plusSeconds(60));
        store.outbox().markSent(sent, "smtp-main", "p-1", 1, "en", "Пропозиція", "body", NOW);

        assertEquals(1, store.runs().cancel("offer", NOW, "run 'offer' cancelled by admin"));

        RunReport report = store.runs().report("offer").orElseThrow();
        assertNotNull(report.run().cancelledAt());
        assertNotNull(report.run().closedAt());
        assertFalse(report.run().open());
        assertEquals(Map.of(CommunicationStatus.SENT, 1L, CommunicationStatus.SUPPRESSED, 1L,
                CommunicationStatus.CANCELLED, 1L), report.communications());
        assertEquals(Map.of("no consent for MARKETING by EMAIL", 1L, "run 'offer' cancelled by admin", 1L), report.reasons());
        assertEquals(1, report.engagement().sent());
        assertEquals(3L, report.byLanguage().get("en").values().stream().mapToLong(Long::longValue).sum());
        assertEquals(Map.of(CommunicationStatus.SENT, 1L), report.byChannel().get("smtp-main"));
    }

    @Test
    public void opensClicksAndOptOutsOfTheRunsMessagesAreCounted() {
        store.runs().open(run("loyalty"));
        String id = store.runs().ingestInto("loyalty", List.of(planned(event("l-1"), "anne@example.fr")))
                .get(0).communicationIds().get(0);
        store.engagement().recordOpen(id, NOW);
        store.engagement().recordClick(id, NOW);
        RunReport report = store.runs().report("loyalty").orElseThrow();
        assertEquals(1, report.engagement().opened());
        assertEquals(1, report.engagement().clicked());
        assertEquals(0, report.engagement().optedOut());
    }

    @Test
    public void anUnknownRunHasNoReportAndNothingToCancel() {
        assertTrue(store.runs().report("nope").isEmpty());
        assertEquals(0, store.runs().cancel("nope", NOW, "x"));
        assertTrue(store.runs().close("nope", NOW).isEmpty());
    }

    @Test
    public void sendsOverTimeCountEachBucketFromTheFirstSendToTheLast() {
        store.runs().open(run("bills"));
        List<IngestOutcome> outcomes = store.runs().ingestInto("bills", List.of(planned(event("b-1"), "a@example.com"),
                planned(event("b-2"), "b@example.com"), planned(event("b-3"), "c@example.com"),
                planned(event("b-4"), "d@example.com")));
        assertEquals(0, store.runs().sendsOverTime("bills").orElseThrow().total());
        store.outbox().claimDue(NOW, 10, NOW.plusSeconds(60));
        // 09:00, 09:20 and 21:40: half a day fits 48 bars of an hour, not of 15 minutes (09:00 to 21:00)
        String[] ids = outcomes.stream().map(o -> o.communicationIds().get(0)).toArray(String[]::new);
        store.outbox().markSent(ids[0], "smtp-main", "p-1", 1, "da", "Regning", "body", NOW);
        store.outbox().markSent(ids[1], "smtp-main", "p-2", 1, "da", "Regning", "body", NOW.plusSeconds(20 * 60));
        store.outbox().markSent(ids[2], "smtp-main", "p-3", 1, "da", "Regning", "body", NOW.plusSeconds(760 * 60));
        io.tidings.api.run.SendsOverTime overTime = store.runs().sendsOverTime("bills").orElseThrow();
        assertEquals(java.time.Duration.ofHours(1), overTime.bucket());
        assertEquals(NOW, overTime.from());
        assertEquals(13, overTime.sends().size());
        assertEquals(2L, (long) overTime.sends().get(0));
        assertEquals(1L, (long) overTime.sends().get(12));
        assertEquals(3L, overTime.total());
        assertEquals(NOW.plusSeconds(12 * 3600), overTime.start(12));
        assertTrue(store.runs().sendsOverTime("unknown").isEmpty());
    }
}
