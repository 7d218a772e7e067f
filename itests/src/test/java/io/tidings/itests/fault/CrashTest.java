package io.tidings.itests.fault;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.itests.WebhookEndpoint;

/**
 * A node receiving events is killed with {@code kill -9} at random moments, ten times, and started
 * again each time on the same H2 file: every event it accepted (answered 202) has its email at the
 * real SMTP server at least once, a duplicate only where the record says the outcome was unknown,
 * and the backlog moves again within seconds of each restart. The node's webhook of
 * {@code communication.status} receives every SENT: a status change and its delivery are committed
 * together, so no kill falls between them.
 */
public class CrashTest {

    private GreenMail smtp;
    private WebhookEndpoint host;
    private Node node;

    @Before
    public void smtpServer() throws Exception {
        smtp = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        host = new WebhookEndpoint(0, 0);
    }

    @After
    public void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        smtp.stop();
        host.close();
    }

    @Test
    public void killedTenTimesUnderLoadItLosesNothingAndFlagsEveryDuplicate() throws Exception {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("tidings-crash").resolve("tidings");
        node = new Node(url, "crash-node", smtp.getSmtp().getPort()).webhook(host.url()).start();
        Deliveries deliveries = new Deliveries();
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        Thread poster = new Thread(() -> {
            while (posting.get()) {
                String id = "crash-" + sequence.incrementAndGet();
                if (node.post(id)) {
                    deliveries.accepted.add(id);
                }
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "poster");
        poster.start();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try {
            for (int kill = 1; kill <= 10; kill++) {
                // each kill falls on a node that is taking events: on a loaded machine a restart can take
                // longer than the random pause, which then killed a node that had accepted nothing yet
                int before = deliveries.accepted.size();
                await("kill " + kill + " (seed " + seed + "): the node accepts events again")
                        .atMost(Duration.ofSeconds(60)).until(() -> deliveries.accepted.size() >= before + 6);
                Thread.sleep(400 + random.nextInt(1200));
                node.kill();
                java.util.Set<String> waiting = deliveries.missing(smtp);
                node.start();
                // the backlog moves again: what it had accepted and not delivered (its own claimed rows
                // among them) arrives without waiting for a lease to run out
                await("kill " + kill + " (seed " + seed + "): the backlog moves again").atMost(Duration.ofSeconds(10))
                        .until(() -> java.util.Collections.disjoint(waiting, deliveries.missing(smtp)));
            }
        } finally {
            posting.set(false);
            poster.join(15_000);
        }
        assertTrue("the node accepted events between the kills", deliveries.accepted.size() > 50);
        await("every accepted event's email arrives (seed " + seed + ")").atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.missing(smtp).isEmpty());
        // the last email can arrive before its SENT is written: the record is read once nothing is in flight
        await("the node records the outcome of every send (seed " + seed + ")").atMost(Duration.ofSeconds(30))
                .until(() -> node.sending() == 0);

        await("the webhook receives the SENT of every accepted event (seed " + seed + ")")
                .atMost(Duration.ofSeconds(30)).until(() -> sentPosted().containsAll(deliveries.accepted));

        node.kill();
        Map<String, Integer> received = Deliveries.received(smtp);
        Map<String, String[]> record = Deliveries.record(url, "sa");
        long twice = received.values().stream().filter(n -> n > 1).count();
        long flagged = record.values().stream().filter(r -> r[1] != null && r[1].contains("may have it twice")).count();
        System.out.printf("CrashTest: 10 kills, %d events accepted, %d emails received, %d twice, %d flagged (seed %d)%n",
                deliveries.accepted.size(), received.values().stream().mapToInt(Integer::intValue).sum(), twice, flagged,
                seed);
        assertEquals("a duplicate only where the record says the recipient may have it twice (seed " + seed + ")",
                java.util.List.of(), Deliveries.unflaggedDuplicates(received, record));
        assertEquals("every SENT posted is SENT in the record", Set.of(), sentPosted().stream()
                .filter(id -> record.get(id) == null || !"SENT".equals(record.get(id)[0])).collect(Collectors.toSet()));
        for (String id : deliveries.accepted) {
            String[] row = record.get(id);
            assertTrue(id + " has its communication", row != null);
            assertEquals(id + ": " + row[1], "SENT", row[0]);
        }
    }

    /** The events (their entity ids) whose SENT the webhook received. */
    private Set<String> sentPosted() {
        return host.data("communication.status").stream().filter(d -> "SENT".equals(d.path("status").asText()))
                .map(d -> d.path("entityId").asText()).collect(Collectors.toSet());
    }
}
