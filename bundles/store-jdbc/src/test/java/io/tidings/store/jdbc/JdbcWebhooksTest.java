package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Test;

import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.WebhookDeliveryStatus;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.core.store.WebhookRepository;
import io.tidings.core.store.WebhookRepository.DueDelivery;
import io.tidings.core.store.WebhookRepository.Publication;

/** Webhook registrations and their delivery queue. */
public class JdbcWebhooksTest extends RepositoryContract {

    private WebhookRepository hooks() {
        return store.webhooks();
    }

    private static Publication status(String id) {
        return new Publication(WebhookEvent.COMMUNICATION_STATUS, NOW,
                delivery -> "{\"delivery\":\"" + delivery + "\",\"data\":{\"id\":\"" + id + "\"}}");
    }

    @Test
    public void aWebhookKeepsItsSecretWhenSavedWithoutOneAndNeverShowsIt() {
        Webhook saved = hooks().save("crm", "https://crm.example.com/hooks", "s3cret",
                Set.of(WebhookEvent.COMMUNICATION_STATUS, WebhookEvent.SMS_REPLY), NOW);
        assertEquals(new Webhook("crm", "https://crm.example.com/hooks",
                Set.of(WebhookEvent.COMMUNICATION_STATUS, WebhookEvent.SMS_REPLY), true, NOW), saved);
        hooks().save("crm", "https://crm.example.com/v2", null, Set.of(WebhookEvent.LINK_RESPONSE), NOW.plusSeconds(1));
        hooks().enqueue(List.of(new Publication(WebhookEvent.LINK_RESPONSE, NOW, d -> "{}")));
        assertEquals("s3cret", hooks().claim(NOW, NOW.plusSeconds(60), 10).get(0).secret());
        assertEquals(List.of("crm"), hooks().list().stream().map(Webhook::key).toList());
        assertEquals(Set.of(WebhookEvent.LINK_RESPONSE), hooks().subscribed());
        assertTrue(hooks().delete("crm"));
        assertFalse(hooks().delete("crm"));
        assertTrue(hooks().find("crm").isEmpty());
        assertTrue(hooks().subscribed().isEmpty());
    }

    @Test
    public void aPublicationIsQueuedOncePerSubscriberWithItsBodyUnderItsDeliveryId() {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        hooks().save("billing", "http://127.0.0.1:1/b", "two", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        hooks().save("links", "http://127.0.0.1:1/c", "three", Set.of(WebhookEvent.LINK_RESPONSE), NOW);
        assertEquals(2, hooks().enqueue(List.of(status("c-1"))));

        List<DueDelivery> due = hooks().claim(NOW, NOW.plusSeconds(30), 10);
        assertEquals(Set.of("crm", "billing"), Set.copyOf(due.stream().map(DueDelivery::webhookKey).toList()));
        for (DueDelivery d : due) {
            assertEquals("{\"delivery\":\"" + d.id() + "\",\"data\":{\"id\":\"c-1\"}}", d.body());
            assertEquals(0, d.attempts());
        }
        assertTrue("leased: nobody else takes them", hooks().claim(NOW.plusSeconds(29), NOW.plusSeconds(60), 10).isEmpty());
        assertEquals("a lease that ended is taken again", 2, hooks().claim(NOW.plusSeconds(30), NOW.plusSeconds(90), 10).size());
    }

    @Test
    public void aNodeStartedAgainTakesBackWhatItHadClaimedWithoutWaitingForTheLease() {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        hooks().enqueue(List.of(status("c-9"), status("c-10")));
        JdbcRepositories other = new JdbcRepositories(dataSource(), dialect(), java.time.Clock.systemUTC(), "node-b");
        DueDelivery mine = hooks().claim(NOW, NOW.plusSeconds(60), 1).get(0);
        assertEquals(1, other.webhooks().claim(NOW, NOW.plusSeconds(60), 1).size());
        assertEquals(1, hooks().releaseOwnClaims(NOW.plusSeconds(1)));
        assertEquals("only its own, due at once", List.of(mine.id()),
                hooks().claim(NOW.plusSeconds(1), NOW.plusSeconds(60), 10).stream().map(DueDelivery::id).toList());
    }

    @Test
    public void aDeliveryWhoseWebhookWasDeletedMeanwhileIsDroppedWhenClaimed() throws Exception {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        hooks().enqueue(List.of(status("c-11")));
        try (java.sql.Connection c = dataSource().getConnection()) {
            Transactions.execute(c, JdbcWebhooks.INSERT_DELIVERY, "orphan", "gone", "communication.status", "{}",
                    "PENDING", NOW.toEpochMilli(), NOW.toEpochMilli(), NOW.toEpochMilli());
        }
        assertEquals(List.of("crm"), hooks().claim(NOW, NOW.plusSeconds(30), 10).stream()
                .map(DueDelivery::webhookKey).toList());
        assertTrue(hooks().delivery("gone", "orphan").isEmpty());
    }

    @Test
    public void aFailedAttemptIsDueAgainThenFailedAndRedrivenUnderItsSameId() {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        hooks().enqueue(List.of(status("c-2")));
        DueDelivery first = hooks().claim(NOW, NOW.plusSeconds(30), 10).get(0);
        hooks().failed(first.id(), 1, "HTTP 500", NOW.plusSeconds(5));
        WebhookDelivery pending = hooks().delivery("crm", first.id()).orElseThrow();
        assertEquals(WebhookDeliveryStatus.PENDING, pending.status());
        assertEquals(1, pending.attempts());
        assertEquals("HTTP 500", pending.lastError());
        assertEquals(NOW.plusSeconds(5), pending.nextAttemptAt());

        assertTrue(hooks().claim(NOW.plusSeconds(4), NOW.plusSeconds(30), 10).isEmpty());
        DueDelivery second = hooks().claim(NOW.plusSeconds(5), NOW.plusSeconds(35), 10).get(0);
        assertEquals(first.id(), second.id());
        assertEquals(1, second.attempts());
        hooks().failed(second.id(), 2, "connection refused", null);
        assertEquals(List.of(first.id()), hooks().deliveries("crm", WebhookDeliveryStatus.FAILED, 10).stream()
                .map(WebhookDelivery::id).toList());
        assertNull(hooks().deliveries("crm", null, 10).get(0).nextAttemptAt());
        assertTrue(hooks().claim(NOW.plusSeconds(999), NOW.plusSeconds(1030), 10).isEmpty());

        Instant later = NOW.plusSeconds(3600);
        assertTrue(hooks().redrive("crm", first.id(), later));
        assertFalse("only a FAILED delivery is redriven", hooks().redrive("crm", first.id(), later));
        DueDelivery again = hooks().claim(later, later.plusSeconds(30), 10).get(0);
        assertEquals(first.id(), again.id());
        assertEquals(later, again.queuedAt());
        hooks().delivered(again.id(), 1, later.plusSeconds(1));
        WebhookDelivery done = hooks().delivery("crm", first.id()).orElseThrow();
        assertEquals(WebhookDeliveryStatus.DELIVERED, done.status());
        assertEquals(later.plusSeconds(1), done.deliveredAt());
        assertNull(done.lastError());
        assertTrue(hooks().deliveries("crm", WebhookDeliveryStatus.PENDING, 10).isEmpty());
    }

    @Test
    public void oldDeliveredAndFailedDeliveriesAreForgottenButNotPendingOnes() {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        hooks().enqueue(List.of(status("c-1"), status("c-2"), status("c-3")));
        List<DueDelivery> due = hooks().claim(NOW, NOW.plusSeconds(30), 10);
        hooks().delivered(due.get(0).id(), 1, NOW);
        hooks().failed(due.get(1).id(), 1, "HTTP 410", null);
        hooks().failed(due.get(2).id(), 1, "HTTP 500", NOW.plusSeconds(10));
        assertEquals(0, hooks().purge(NOW));
        assertEquals(2, hooks().purge(NOW.plusMillis(1)));
        assertEquals(List.of(due.get(2).id()), hooks().deliveries("crm", null, 10).stream()
                .map(WebhookDelivery::id).toList());
    }

    @Test
    public void twoNodesClaimingAtOnceNeverTakeTheSameDelivery() throws Exception {
        hooks().save("crm", "http://127.0.0.1:1/a", "one", Set.of(WebhookEvent.COMMUNICATION_STATUS), NOW);
        List<Publication> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(status("c-" + i));
        }
        assertEquals(60, hooks().enqueue(many));
        List<WebhookRepository> nodes = List.of(
                new JdbcRepositories(dataSource(), dialect(), java.time.Clock.systemUTC(), "node-a").webhooks(),
                new JdbcRepositories(dataSource(), dialect(), java.time.Clock.systemUTC(), "node-b").webhooks());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<List<String>>> claims = new java.util.ArrayList<>();
            for (WebhookRepository node : nodes) {
                claims.add(pool.submit(() -> {
                    List<String> taken = new java.util.ArrayList<>();
                    for (List<DueDelivery> batch = node.claim(NOW, NOW.plusSeconds(60), 7); !batch.isEmpty();
                            batch = node.claim(NOW, NOW.plusSeconds(60), 7)) {
                        batch.forEach(d -> taken.add(d.id()));
                    }
                    return taken;
                }));
            }
            List<String> all = new java.util.ArrayList<>(claims.get(0).get());
            all.addAll(claims.get(1).get());
            assertEquals("every delivery taken once", 60, all.size());
            assertEquals(60, Set.copyOf(all).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
