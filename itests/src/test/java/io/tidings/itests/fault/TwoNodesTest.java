package io.tidings.itests.fault;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two nodes (JVMs of their own) share one PostgreSQL queue. Events are posted to both; one node's
 * SMTP server accepts connections and then stalls, so that node holds claimed rows, handed to its
 * channel, when it is killed with {@code kill -9}. The survivor takes those rows over within 30 s,
 * and every accepted event's email arrives once, a second time only where the record flags it.
 */
public class TwoNodesTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "tidings_two_nodes";

    private GreenMail smtp;
    private ServerSocket stalling;
    private final List<Socket> stalled = new CopyOnWriteArrayList<>();
    private Node a;
    private Node b;

    @Before
    public void servers() throws Exception {
        smtp = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // greets, then never reads or answers again: a send to it waits until its timeout
        stalling = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!stalling.isClosed()) {
                try {
                    Socket socket = stalling.accept();
                    stalled.add(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write("220 stalling ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (Exception e) {
                    return;
                }
            }
        }, "stalling-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    @After
    public void stop() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        smtp.stop();
        stalling.close();
        for (Socket socket : stalled) {
            socket.close();
        }
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    public void theSurvivorFinishesWhatADeadNodeHeldAndNothingIsSentTwiceUnflagged() throws Exception {
        String url = POSTGRES + "?currentSchema=" + SCHEMA;
        a = new Node(url, "node-a", stalling.getLocalPort()).start();
        b = new Node(url, "node-b", smtp.getSmtp().getPort()).start();
        Deliveries deliveries = new Deliveries();
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        Thread poster = new Thread(() -> {
            while (posting.get()) {
                int n = sequence.incrementAndGet();
                String id = "two-" + n;
                Node to = n % 2 == 0 || !a.alive() ? b : a;
                if (to.post(id)) {
                    deliveries.accepted.add(id);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "poster");
        poster.start();
        try {
            // node-a claims its share and hands it to a server that never answers
            await().atMost(Duration.ofSeconds(30)).until(() -> stalled.size() > 0 && deliveries.accepted.size() > 40);
            Thread.sleep(1_000);
            a.kill();
            Thread.sleep(2_000);
        } finally {
            posting.set(false);
            poster.join(15_000);
        }
        await("the survivor finishes what the dead node held").atMost(Duration.ofSeconds(30))
                .until(() -> deliveries.missing(smtp).isEmpty());
        // the last email can arrive before its SENT is written: the record is read once nothing is in flight
        await("the survivor records the outcome of every send").atMost(Duration.ofSeconds(30))
                .until(() -> b.sending() == 0);

        Map<String, Integer> received = Deliveries.received(smtp);
        Map<String, String[]> record = Deliveries.record(url, "postgres");
        long flagged = record.values().stream().filter(r -> r[1] != null && r[1].contains("may have it twice")).count();
        System.out.printf("TwoNodesTest: %d events accepted, %d emails received, %d taken over from the dead node%n",
                deliveries.accepted.size(), received.values().stream().mapToInt(Integer::intValue).sum(), flagged);
        assertTrue("the dead node held rows it had handed to its channel, which the survivor sent", flagged > 0);
        assertEquals("no row was sent by both nodes unflagged", List.of(),
                Deliveries.unflaggedDuplicates(received, record));
        for (String id : deliveries.accepted) {
            assertEquals(id, "SENT", record.get(id)[0]);
        }
    }

    private long reminders(String bookingId) throws Exception {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return (io.tidings.itests.engine.EngineProcess.REMINDER_PREFIX + bookingId).equals(m.getSubject());
            } catch (javax.mail.MessagingException e) {
                return false;
            }
        }).count();
    }

    @Test
    public void aReminderMovedOrCancelledThroughTheOtherNodeFiresOnceOrNotAtAll() throws Exception {
        String url = POSTGRES + "?currentSchema=" + SCHEMA;
        a = new Node(url, "node-a", smtp.getSmtp().getPort()).start();
        b = new Node(url, "node-b", smtp.getSmtp().getPort()).start();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        // reminders a minute before the booking: due in 5 s, the moved one in 9 s
        assertTrue(a.booking("m-1", "confirmed", "moved-1", now.plusSeconds(65)));
        assertTrue(b.booking("m-2", "rescheduled", "moved-1", now.plusSeconds(69)));
        assertTrue(b.booking("c-1", "confirmed", "cancelled-1", now.plusSeconds(65)));
        assertTrue(a.booking("c-2", "cancelled", "cancelled-1", null));

        await("the moved reminder fires").atMost(Duration.ofSeconds(40)).until(() -> reminders("moved-1") > 0);
        // the cancelled one was due before the moved one: it would have fired by now, and nothing fires twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> reminders("moved-1") == 1 && reminders("cancelled-1") == 0);
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM tidings_communication "
                        + "WHERE template_key = 'crash-reminder' GROUP BY status ORDER BY status")) {
            Map<String, Integer> byStatus = new java.util.TreeMap<>();
            while (rs.next()) {
                byStatus.put(rs.getString(1), rs.getInt(2));
            }
            assertEquals("one reminder per booking: the moved one sent, the cancelled one cancelled",
                    Map.of("CANCELLED", 1, "SENT", 1), byStatus);
        }
    }
}
