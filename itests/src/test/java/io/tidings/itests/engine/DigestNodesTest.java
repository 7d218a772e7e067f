package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.Digest;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smtp.SmtpChannel;
import io.tidings.store.jdbc.Dialect;

/**
 * A digest's window and items are in the store: a node stopped within the window sends the digest
 * once it is back, and two nodes on one PostgreSQL database gathering a contact's events send one
 * message with all of them. Real SMTP (GreenMail).
 */
public class DigestNodesTest {

    private static final String CONTACT = "olena@example.com.ua";

    private final List<AutoCloseable> open = new ArrayList<>();
    private GreenMail server;

    @After
    public void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void aNodeStoppedWithinTheWindowSendsTheDigestWhenItIsBack() throws Exception {
        javax.sql.DataSource h2 = Engine.h2(Files.createTempDirectory("tidings-digest").resolve("tidings"));
        Engine before = new Engine(Engine.settings(3, Duration.ofMillis(100)), null, h2, new Dialect.H2(), "node-a");
        rulesAndTemplate(before);
        for (int i = 1; i <= 3; i++) {
            before.ingest.submit(order("r-" + i, "Р-" + i));
        }
        List<Communication> waiting = digests(before);
        assertEquals(1, waiting.size());
        assertEquals(CommunicationStatus.SCHEDULED, waiting.get(0).status());
        before.close();

        Engine after = started(new Engine(Engine.settings(3, Duration.ofMillis(100)), null, h2, new Dialect.H2(),
                "node-a"));
        MimeMessage message = awaitOneMessage();
        assertEquals("3 замовлення", message.getSubject());
        assertEquals(CommunicationStatus.SENT, digests(after).get(0).status());
        assertEquals(1, digests(after).size());
    }

    @Test
    public void twoNodesOnOneDatabaseSendOneMessageWithEveryEvent() throws Exception {
        String schema = "tidings_digest_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgresql(null).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        open.add(() -> {
            try (Connection c = postgresql(null).getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
        Engine a = started(new Engine(Engine.settings(3, Duration.ofMillis(100)), null, postgresql(schema),
                new Dialect.PostgreSql(), "node-a"));
        rulesAndTemplate(a);
        Engine b = started(new Engine(Engine.settings(3, Duration.ofMillis(100)), null, postgresql(schema),
                new Dialect.PostgreSql(), "node-b"));
        // both nodes take events of the contact, in one window
        List<Thread> senders = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Engine node = i % 2 == 0 ? a : b;
            BusinessEvent event = order("n-" + i, "Н-" + i);
            Thread sender = new Thread(() -> node.ingest.submit(event));
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        MimeMessage message = awaitOneMessage();
        assertEquals("6 замовлення", message.getSubject());
        List<Communication> digests = digests(a);
        assertEquals(1, digests.size());
        assertEquals(6, a.store.outbox().digestItems(digests.get(0).id()).size());
    }

    // ---- helpers

    private Engine started(Engine engine) throws Exception {
        open.add(engine);
        if (server == null) {
            server = new GreenMail(new ServerSetup(Engine.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        SmtpChannel smtp = Engine.smtp("smtp-main", server.getSmtp().getPort());
        open.add(smtp::close);
        engine.addChannel(smtp, "smtp-main", "EMAIL", 0);
        return engine;
    }

    private static void rulesAndTemplate(Engine engine) {
        engine.save(new Template("order-digest", "Замовлення", Medium.EMAIL, "uk", Map.of("uk", new TemplateContent(
                "#digest.count замовлення", null, "Шановна #contact_information.name, ваші замовлення:\n"
                        + "#foreach($item in #digest.items)- $item.order.number\n#end")), 0));
        engine.save(new NotificationRule("order-digest", "Замовлення разом", "order.status_changed", null, List.of(),
                null, List.of("order-digest"), List.of(), Purpose.TRANSACTIONAL, null, true, null, false, null, null,
                null, null, null, new Digest(Duration.ofSeconds(5))));
    }

    private static BusinessEvent order(String id, String number) {
        return new BusinessEvent(id, "order.status_changed", OffsetDateTime.now(ZoneOffset.UTC), null,
                new EntityRef("order", number), Map.of("order", Map.of("number", number, "status", "ready"),
                        "contact_information", Map.of("name", "Олена Коваленко", "email", CONTACT, "preferred_language",
                                "uk", "consent", Map.of("email", true))));
    }

    private static List<Communication> digests(Engine engine) {
        return engine.store.record().communications(new CommunicationQuery(null, null, CONTACT, null, 100));
    }

    /** The one message of the window, and no second one while the queue settles. */
    private MimeMessage awaitOneMessage() {
        await().atMost(Duration.ofSeconds(60)).until(() -> server.getReceivedMessages().length >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> server.getReceivedMessages().length == 1);
        MimeMessage message = server.getReceivedMessages()[0];
        try {
            assertTrue(message.getAllRecipients()[0].toString().contains(CONTACT));
        } catch (javax.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        return message;
    }

    private static javax.sql.DataSource postgresql(String schema) {
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL("jdbc:postgresql://127.0.0.1:5432/test");
        pg.setUser("postgres");
        if (schema != null) {
            pg.setCurrentSchema(schema);
        }
        return pg;
    }
}
