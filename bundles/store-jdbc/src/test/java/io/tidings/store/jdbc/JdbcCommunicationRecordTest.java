package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** The record: look-ups, retention and erasure. */
public class JdbcCommunicationRecordTest extends RepositoryContract {

    @Test
    public void retentionRemovesWhatIsDoneWithAndKeepsWhatIsStillToSend() {
        BusinessEvent ordered = event("e-old-1");
        Communication sent = queued(ordered, "sent@example.com", NOW);
        Communication reminder = scheduled(ordered, "+4520123456", NOW.plusSeconds(86_400));
        store.outbox().ingest(ordered, List.of(sent, reminder));
        BusinessEvent refused = event("e-old-2");
        Communication failed = queued(refused, "failed@example.com", NOW);
        store.outbox().ingest(refused, List.of(failed));
        BusinessEvent unmatched = event("e-old-3");
        store.outbox().ingest(unmatched, List.of());
        store.outbox().claimDue(NOW, 1, NOW.plusSeconds(60));
        store.outbox().markSent(sent.id(), "smtp-main", "m-1", 1, "en", "Hi", "Hello", NOW);
        store.outbox().markFinal(failed.id(), CommunicationStatus.FAILED, "gave up");
        store.engagement().recordOpen(sent.id(), NOW.plusSeconds(5));

        assertEquals("nothing is older than the retention yet", 0, store.record().purge(NOW.minusSeconds(1), 100));
        assertTrue(store.record().communication(sent.id()).isPresent());

        Instant later = Instant.now().plusSeconds(86_400);
        assertEquals(2, store.record().purge(later, 100));
        assertTrue(store.record().communication(sent.id()).isEmpty());
        assertTrue(store.record().communication(failed.id()).isEmpty());
        assertEquals("its engagement goes with it", 0, store.engagement().engagement(sent.id()).opens());
        assertEquals("a scheduled reminder stays, however old", CommunicationStatus.SCHEDULED,
                store.record().communication(reminder.id()).orElseThrow().status());
        assertTrue("and so does its event", store.outbox().event(ordered.id()).isPresent());
        assertTrue(store.outbox().event(refused.id()).isEmpty());
        assertTrue("an event no rule planned a message for goes too", store.outbox().event(unmatched.id()).isEmpty());
        assertEquals("nothing more is due", 0, store.record().purge(later, 100));
    }

    @Test
    public void sendsAreCountedByRuleSinceAMomentInEveryMedium() {
        String offer = "offer-" + UUID.randomUUID();
        String visit = "visit-" + UUID.randomUUID();
        BusinessEvent event = event("e-by-rule-" + UUID.randomUUID());
        Communication recent = ruled(queued(event, "ida@example.dk", NOW), offer);
        Communication old = ruled(queued(event, "olena@example.com.ua", NOW), offer);
        Communication sms = ruled(queued(event, "+4520123456", NOW), visit);
        Communication failed = ruled(queued(event, "taras@example.com.ua", NOW), visit);
        store.outbox().ingest(event, List.of(recent, old, sms, failed));
        store.outbox().claimDue(NOW, 4, NOW.plusSeconds(60));
        store.outbox().markSent(recent.id(), "smtp-main", "m-1", 1, "da", "Tilbud", "Hej", NOW);
        store.outbox().markSent(old.id(), "smtp-main", "m-2", 1, "uk", "Пропозиція", "Вітаю", NOW.minusSeconds(40 * 86_400));
        store.outbox().markSent(sms.id(), "smpp-a", "s-" + UUID.randomUUID(), 1, "da", null, "Vi ses", NOW);
        store.outbox().markByProviderId("smpp-a", store.record().communication(sms.id()).orElseThrow().providerMessageId(),
                CommunicationStatus.DELIVERED, null);
        store.outbox().markFinal(failed.id(), CommunicationStatus.FAILED, "gave up");

        Map<String, Long> sent = store.record().sentByRule(NOW.minusSeconds(30 * 86_400));
        assertEquals("the one of 40 days ago is left out", Long.valueOf(1), sent.get(offer));
        assertEquals("a delivered SMS counts, a failed email does not", Long.valueOf(1), sent.get(visit));
        assertEquals(Long.valueOf(2), store.record().sentByRule(NOW.minusSeconds(50 * 86_400)).get(offer));
    }

    @Test
    public void bouncesAndComplaintsAreCountedPerChannelSinceAMoment() {
        String channel = "smtp-" + UUID.randomUUID().toString().substring(0, 8);
        BusinessEvent event = event("e-by-channel-" + UUID.randomUUID());
        String chloe = "chloe-" + UUID.randomUUID() + "@example.fr";
        Communication bounced = queued(event, "louis-" + UUID.randomUUID() + "@example.fr", NOW);
        Communication complained = queued(event, chloe, NOW);
        Communication fine = queued(event, "ida-" + UUID.randomUUID() + "@example.dk", NOW);
        Communication old = queued(event, "olena-" + UUID.randomUUID() + "@example.com.ua", NOW);
        store.outbox().ingest(event, List.of(bounced, complained, fine, old));
        store.outbox().claimDue(NOW, 4, NOW.plusSeconds(60));
        store.outbox().markSent(bounced.id(), channel, "<b-" + bounced.id() + ">", 1, "fr", "Commande", "Bonjour", NOW);
        store.outbox().markSent(complained.id(), channel, "<c-" + complained.id() + ">", 1, "fr", "Offre", "Bonjour", NOW);
        store.outbox().markSent(fine.id(), channel, "<f-" + fine.id() + ">", 1, "da", "Ordre", "Hej", NOW);
        store.outbox().markSent(old.id(), channel, "<o-" + old.id() + ">", 1, "uk", "Замовлення", "Вітаю",
                NOW.minusSeconds(10 * 86_400));
        store.outbox().markByProviderId(channel, "<b-" + bounced.id() + ">", CommunicationStatus.BOUNCED, "5.1.1");
        store.suppressions().save(new io.tidings.api.suppression.Suppression(chloe,
                io.tidings.api.suppression.SuppressionScope.MARKETING, "complaint: abuse feedback report", NOW));

        io.tidings.api.channel.ChannelOutcomes outcomes = store.record().outcomesByChannel(NOW.minusSeconds(7 * 86_400))
                .stream().filter(o -> o.channel().equals(channel)).findFirst().orElseThrow();
        assertEquals(new io.tidings.api.channel.ChannelOutcomes(channel, 3, 1, 1), outcomes);
        assertEquals(1.0 / 3, outcomes.bounceRate(), 1e-9);
        assertEquals("the complaint came before the period", 0, store.record().outcomesByChannel(NOW.plusSeconds(1))
                .stream().filter(o -> o.channel().equals(channel)).mapToLong(o -> o.complained()).sum());
    }

    private static Communication ruled(Communication c, String rule) {
        return new Communication(c.id(), c.eventId(), c.entity(), rule, c.templateKey(), c.templateVersion(), c.medium(),
                c.channel(), c.recipient(), c.language(), c.status(), c.statusReason(), c.attempts(), c.notBefore(),
                c.createdAt(), c.sentAt(), c.providerMessageId(), c.subject(), c.body());
    }

    @Test
    public void erasingAContactRemovesItsMessagesAndLinksAndKeepsItsOptOuts() {
        String taras = "taras@example.com";
        BusinessEvent alone = event("e-erase-1");
        Communication toTaras = queued(alone, taras, NOW);
        store.outbox().ingest(alone, List.of(toTaras));
        BusinessEvent shared = event("e-erase-2");
        Communication alsoToTaras = queued(shared, taras, NOW);
        Communication toOlena = queued(shared, "olena@example.com", NOW);
        store.outbox().ingest(shared, List.of(alsoToTaras, toOlena));
        store.engagement().recordOpen(toTaras.id(), NOW);
        store.engagement().saveLinkResponse(new LinkResponse("r-erase", LinkAction
                .SERVICE_REQUEST_RESPONSE_ACCEPTANCE, taras, toTaras.id(), "service_request", "SR-1", NOW));
        store.consent().saveOptIn(taras, Purpose.AFFILIATE_MARKETING, NOW);
        store.consent().saveOptOut(new OptOut(taras, Purpose.MARKETING, NOW));

        Erasure erased = store.record().erase(taras);
        assertEquals(new Erasure(taras, 2, 1, 1, 1, 1), erased);
        assertTrue(store.record().communication(toTaras.id()).isEmpty());
        assertTrue(store.record().communication(alsoToTaras.id()).isEmpty());
        assertTrue("the event that only concerned the contact goes", store.outbox().event(alone.id()).isEmpty());
        assertTrue("one that concerned someone else stays", store.outbox().event(shared.id()).isPresent());
        assertTrue(store.record().communication(toOlena.id()).isPresent());
        assertEquals(0, store.engagement().engagement(toTaras.id()).opens());
        assertTrue(store.engagement().linkResponses("service_request", "SR-1", null, 10).isEmpty());
        assertFalse(store.consent().optedIn(taras, Purpose.AFFILIATE_MARKETING));
        assertTrue("an opt-out is kept so that it is honoured", store.consent().optedOut(taras, Purpose.MARKETING));
        assertEquals("nothing left", new Erasure(taras, 0, 0, 0, 0, 1), store.record().erase(taras));
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
        store.outbox().ingest(first, List.of(a));
        store.outbox().ingest(second, List.of(b));
        assertEquals(List.of(b.id(), a.id()), ids(store.record().communications(new CommunicationQuery(null, null, "same@example.com", null, 0))));
        assertEquals(List.of(b.id()), ids(store.record().communications(new CommunicationQuery("booking", "B-1", null, null, 0))));
        assertEquals(List.of(a.id()), ids(store.record().communications(new CommunicationQuery("order", null, null, CommunicationStatus.QUEUED, 0))));
        assertEquals(1, store.record().communications(new CommunicationQuery(null, null, null, null, 1)).size());
    }

    @Test
    public void whatLeftForARecipientLatelyIsWhatFrequencyCapsCount() {
        BusinessEvent e = event("cap-1");
        Communication sentEarlier = queued(e, "olena@example.com", NOW);
        Communication sentNow = queued(e, "olena@example.com", NOW);
        Communication other = queued(e, "søren@example.dk", NOW);
        Communication waiting = queued(e, "olena@example.com", NOW.plusSeconds(3_600));
        store.outbox().ingest(e, List.of(sentEarlier, sentNow, other, waiting));
        store.outbox().claimDue(NOW, 10, NOW.plusSeconds(60));
        store.outbox().markSent(sentEarlier.id(), "smtp", "p-1", 1, "uk", "s", "b", NOW.minusSeconds(7_200));
        store.outbox().markSent(sentNow.id(), "smtp", "p-2", 1, "uk", "s", "b", NOW);
        store.outbox().markSent(other.id(), "smtp", "p-3", 1, "da", "s", "b", NOW);
        List<io.tidings.core.store.CommunicationRecord.RecentSend> sent = store.record().sentTo(
                List.of("olena@example.com"), NOW.minusSeconds(3_600));
        assertEquals(1, sent.size());
        assertEquals("rule", sent.get(0).ruleKey());
        assertEquals(NOW.toEpochMilli(), sent.get(0).sentAt().toEpochMilli());
        assertEquals(3, store.record().sentTo(List.of("olena@example.com", "søren@example.dk"),
                NOW.minusSeconds(10_000)).size());
        assertEquals(List.of(), store.record().sentTo(List.of(), NOW));
    }

    @Test
    public void aMessageHandedToItsChannelCountsBeforeItsSentIsWritten() {
        BusinessEvent e = event("cap-2");
        Communication onItsWay = queued(e, "ida@example.dk", NOW);
        Communication claimedOnly = queued(e, "ida@example.dk", NOW);
        store.outbox().ingest(e, List.of(onItsWay, claimedOnly));
        assertEquals(2, store.outbox().claimDue(NOW, 10, NOW.plusSeconds(60)).size());
        store.outbox().markHandedOver(List.of(onItsWay.id()));
        List<io.tidings.core.store.CommunicationRecord.RecentSend> sent = store.record().sentTo(
                List.of("ida@example.dk"), NOW.minusSeconds(3_600));
        assertEquals("only the message handed over counts, dated by its claim", 1, sent.size());
        assertEquals(NOW.toEpochMilli(), sent.get(0).sentAt().toEpochMilli());
        assertEquals(List.of(), store.record().sentTo(List.of("ida@example.dk"), NOW.plusSeconds(1)));
    }
}
