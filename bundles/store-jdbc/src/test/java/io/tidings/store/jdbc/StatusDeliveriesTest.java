package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.core.store.OutboxRepository.Sent;
import io.tidings.core.store.WebhookRepository;
import io.tidings.core.store.WebhookRepository.DueDelivery;

/**
 * The {@code communication.status} deliveries are written in the transaction of the status change:
 * committed with it (another node reads them at once), rolled back with it, and not written at all
 * while no webhook subscribes.
 */
public class StatusDeliveriesTest extends RepositoryContract {

    private WebhookRepository hooks() {
        return store.webhooks();
    }

    @Before
    public void bodies() {
        store.statusDeliveries().body((id, c, at) -> c.id() + " " + c.status() + " " + c.statusReason() + " " + c.channel());
    }

    /** What another node sharing the database finds due now: committed deliveries only. */
    private List<String> dueOnAnotherNode() {
        JdbcRepositories other = new JdbcRepositories(dataSource(), dialect(), Clock.systemUTC(), "node-b");
        return other.webhooks().claim(Instant.now().plusSeconds(1), Instant.now().plusSeconds(60), 100).stream()
                .map(DueDelivery::body).sorted().toList();
    }

    private Communication ingested(String eventId) {
        BusinessEvent event = event(eventId);
        Communication c = queued(event, "olena@example.com", NOW);
        store.outbox().ingest(event, List.of(c));
        return c;
    }

    @Test
    public void eachStatusChangeIsCommittedWithOneDeliveryPerSubscriber() {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        hooks().save("billing", "http://127.0.0.1:1/b", "two",
                Set.of(WebhookEvent.COMMUNICATION_STATUS, WebhookEvent.SMS_REPLY), NOW);
        hooks().save("links", "http://127.0.0.1:1/c", "three", Set.of(WebhookEvent.LINK_RESPONSE), NOW);
        Communication c = ingested("e-1");
        assertEquals(List.of(c.id()), ids(store.outbox().claimDue(Instant.now(), 10, Instant.now().plusSeconds(30))));
        store.outbox().markSentAll(List.of(new Sent(c.id(), "smtp-main", "p-1", 1, "uk", "Замовлення", "Готово",
                Instant.now())));
        assertTrue(store.outbox().markByProviderId("smtp-main", "p-1", CommunicationStatus.DELIVERED, null));

        List<String> each = List.of(c.id() + " DELIVERED null smtp-main", c.id() + " QUEUED null null",
                c.id() + " SENDING null null", c.id() + " SENT null smtp-main");
        assertEquals(each.stream().flatMap(b -> List.of(b, b).stream()).sorted().toList(), dueOnAnotherNode());
        assertTrue("not to a webhook of other events", hooks().deliveries("links", null, 10).isEmpty());
        assertEquals(4, hooks().deliveries("crm", null, 10).size());
    }

    @Test
    public void withoutASubscriberAStatusChangeWritesNoDelivery() {
        Communication c = ingested("e-2");
        assertTrue(store.outbox().cancel(c.id(), "not wanted"));
        hooks().save("links", "http://127.0.0.1:1/c", "three", Set.of(WebhookEvent.LINK_RESPONSE), NOW);
        Communication d = ingested("e-3");
        assertTrue(store.outbox().markFinal(d.id(), CommunicationStatus.SUPPRESSED, "opted out"));
        assertEquals(List.of(), dueOnAnotherNode());
    }

    @Test
    public void aWebhookSavedOrDeletedOnThisNodeCountsFromTheNextChange() {
        Communication c = ingested("e-4");
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        assertTrue(store.outbox().retryNow(c.id(), "operator: try again", Instant.now()));
        assertEquals(List.of(c.id() + " QUEUED operator: try again null"), dueOnAnotherNode());

        assertTrue(hooks().delete("crm"));
        assertTrue(store.outbox().cancel(c.id(), "operator: not wanted"));
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        assertEquals("deleted with its webhook; none written meanwhile", List.of(), dueOnAnotherNode());
    }

    @Test
    public void aStatusChangeRolledBackLeavesNeitherTheChangeNorItsDelivery() {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        Communication c = ingested("e-5");
        dueOnAnotherNode(); // its QUEUED
        store.statusDeliveries().body((id, row, at) -> {
            throw new IllegalStateException("the node died while writing the delivery");
        });
        assertThrows(IllegalStateException.class,
                () -> store.outbox().markFinal(c.id(), CommunicationStatus.FAILED, "gave up"));
        assertEquals(CommunicationStatus.QUEUED, store.record().communication(c.id()).orElseThrow().status());
        assertEquals(List.of(), dueOnAnotherNode());

        bodies();
        assertTrue(store.outbox().markFinal(c.id(), CommunicationStatus.FAILED, "gave up"));
        assertEquals(List.of(c.id() + " FAILED gave up null"), dueOnAnotherNode());
    }
}
