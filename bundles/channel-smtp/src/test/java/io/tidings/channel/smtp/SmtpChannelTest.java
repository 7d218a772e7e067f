package io.tidings.channel.smtp;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import javax.mail.BodyPart;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.Medium;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.channel.SendResult.Outcome;

/** The SMTP channel against a real SMTP server (GreenMail), behind a relay that counts connections. */
public class SmtpChannelTest {

    static final String UK_SUBJECT = "Ваше замовлення R-17 готове";
    static final String UK_TEXT = "Шановна Олено Коваленко, статус замовлення змінився на «Готове». Чекаємо на вас у сервісі на Хрещатику!";
    static final String DA_SUBJECT = "Påmindelse: din booking i morgen kl. 13:00";
    static final String DA_TEXT = "Kære Søren Ærø, vi glæder os til at se dig – husk at aflyse senest 24 timer før.";
    static final String FR_SUBJECT = "Réparation terminée : votre appareil est prêt";
    static final String FR_TEXT = "Bonjour Amélie Dubois, votre appareil est prêt ; à bientôt ! Œuvre, garçon, naïve, façade.";

    private RejectingGreenMail smtp;
    private CountingTcpProxy relay;
    private final List<SmtpChannel> channels = new ArrayList<>();

    @Before
    public void startServer() throws IOException {
        smtp = new RejectingGreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        relay = new CountingTcpProxy(smtp.getSmtp().getPort());
    }

    @After
    public void stopServer() throws IOException {
        channels.forEach(SmtpChannel::close);
        relay.close();
        smtp.stop();
    }

    @Test
    public void ukrainianDanishAndFrenchSubjectsAndBodiesArriveIntact() throws Exception {
        SmtpChannel channel = channel(relay.port(), 2);
        assertSent(send(channel, email("c-uk", "olena@example.ua", "Олена Коваленко", UK_SUBJECT, UK_TEXT, null, "uk")));
        assertSent(send(channel, email("c-da", "soren@example.dk", "Søren Ærø", DA_SUBJECT, DA_TEXT, null, "da")));
        assertSent(send(channel, email("c-fr", "amelie@example.fr", "Amélie Dubois", FR_SUBJECT, FR_TEXT, null, "fr")));

        MimeMessage uk = receivedBy("olena@example.ua");
        assertEquals(UK_SUBJECT, uk.getSubject());
        assertEquals(UK_TEXT, ((String) uk.getContent()).trim());
        assertTrue(uk.getContentType(), uk.getContentType().toLowerCase().contains("utf-8"));
        assertEquals("Олена Коваленко", ((InternetAddress) uk.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal());
        assertEquals("uk", uk.getHeader("Content-Language", null));
        InternetAddress from = (InternetAddress) uk.getFrom()[0];
        assertEquals("noreply@example.com", from.getAddress());
        assertEquals("Сервіс Київ", from.getPersonal());

        MimeMessage da = receivedBy("soren@example.dk");
        assertEquals(DA_SUBJECT, da.getSubject());
        assertEquals(DA_TEXT, ((String) da.getContent()).trim());
        assertEquals("Søren Ærø", ((InternetAddress) da.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal());

        MimeMessage fr = receivedBy("amelie@example.fr");
        assertEquals(FR_SUBJECT, fr.getSubject());
        assertEquals(FR_TEXT, ((String) fr.getContent()).trim());
    }

    @Test
    public void htmlTravelsWithItsTextAlternative() throws Exception {
        String html = "<html><body><h1>" + UK_SUBJECT + "</h1><p>" + UK_TEXT + "</p></body></html>";
        assertSent(send(channel(relay.port(), 1),
                email("c-html", "olena@example.ua", "Олена Коваленко", UK_SUBJECT, UK_TEXT, html, "uk")));

        MimeMessage received = receivedBy("olena@example.ua");
        assertEquals(UK_SUBJECT, received.getSubject());
        MimeMultipart alternative = alternativeOf((MimeMultipart) received.getContent());
        assertNotNull("a multipart/alternative part expected", alternative);
        String text = null;
        String htmlPart = null;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                htmlPart = (String) part.getContent();
            }
        }
        assertEquals(UK_TEXT, text.trim());
        assertEquals(html, htmlPart.trim());
    }

    @Test
    public void theProviderMessageIdIsTheMessageIdHeader() throws Exception {
        SendResult result = send(channel(relay.port(), 1),
                email("c-42", "amelie@example.fr", null, FR_SUBJECT, FR_TEXT, null, "fr"));
        assertSent(result);
        String header = receivedBy("amelie@example.fr").getMessageID();
        assertEquals(header, result.providerMessageId());
        assertTrue(header, header.matches("<[0-9a-f-]+\\.c-42@example\\.com>"));
    }

    @Test
    public void manyMessagesReuseTheConnectionsOfThePool() throws Exception {
        SmtpChannel single = channel(relay.port(), 1);
        for (int i = 0; i < 10; i++) {
            assertSent(send(single, email("c-s" + i, "soren@example.dk", "Søren", DA_SUBJECT, DA_TEXT, null, "da")));
        }
        assertEquals(1, relay.connections());

        SmtpChannel pooled = channel(relay.port(), 2);
        List<CompletionStage<SendResult>> pending = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pending.add(pooled.send(email("c-p" + i, "amelie@example.fr", "Amélie", FR_SUBJECT, FR_TEXT, null, "fr")));
        }
        for (CompletionStage<SendResult> stage : pending) {
            assertSent(stage.toCompletableFuture().get(30, TimeUnit.SECONDS));
        }
        assertTrue("at most one more connection per pooled thread, saw " + relay.connections(), relay.connections() <= 3);
        assertEquals(50, smtp.getReceivedMessages().length);
    }

    @Test
    public void aConnectionTheServerDroppedIsReopened() throws Exception {
        SmtpChannel channel = channel(relay.port(), 1);
        assertSent(send(channel, email("c-1", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));
        relay.dropAll();
        assertSent(send(channel, email("c-2", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));
        assertEquals(2, relay.connections());
        assertEquals(2, smtp.getReceivedMessages().length);
        assertTrue(channel.state().available());
    }

    @Test
    public void aServerThatIsDownIsATransientFailureUntilItComesUp() throws Exception {
        int port = freePort();
        SmtpChannel channel = channel(port, 1);
        SendResult result = send(channel, email("c-down", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
        assertEquals(Outcome.TRANSIENT_FAILURE, result.outcome());
        assertFalse(result.error().contains("olena"));
        assertFalse(channel.state().available());
        assertTrue(channel.state().detail(), channel.state().detail().contains("connection failed"));

        RejectingGreenMail late = new RejectingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        late.start();
        try {
            // no message is routed to an unavailable channel: the channel notices the recovery itself
            await().atMost(Duration.ofSeconds(30)).until(() -> channel.state().available());
            assertSent(send(channel, email("c-up", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));
            assertEquals(1, late.getReceivedMessages().length);
        } finally {
            late.stop();
        }
    }

    @Test
    public void afterALongOutageTheChannelIsAvailableAgainSoonAfterTheServerIs() throws Exception {
        int port = smtp.getSmtp().getPort();
        SmtpChannel channel = channel(port, 1);
        smtp.stop();
        // while the server is down something else holds its port, refuses every session and counts the probes
        try (OutageStandIn outage = new OutageStandIn(port)) {
            SendResult result = send(channel, email("c-down", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
            assertEquals(Outcome.TRANSIENT_FAILURE, result.outcome());
            assertFalse(channel.state().available());
            // long enough for an uncapped backoff to have grown to 16 s (1 + 2 + 4 + 8)
            await().atMost(Duration.ofSeconds(60)).until(() -> outage.sessions() >= 5);
        }
        smtp = new RejectingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // the probe waits at most probeMaxDelay (5 s by default) between two tries
        await().atMost(Duration.ofSeconds(12)).until(() -> channel.state().available());
        assertSent(send(channel, email("c-up", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    /** Accepts every connection and closes it at once: no greeting, so no SMTP session can start. */
    private static final class OutageStandIn implements AutoCloseable {
        private final ServerSocket socket;
        private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();

        OutageStandIn(int port) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        java.net.Socket session = socket.accept();
                        // closed with a reset: a normal close would leave the port in TIME_WAIT on this side,
                        // and the SMTP server started on it afterwards could fail to bind
                        session.setSoLinger(true, 0);
                        session.close();
                        sessions.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "smtp-outage");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int sessions() {
            return sessions.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    public void anAccountThatCannotBeUsedSecurelyMakesTheChannelUnavailable() throws Exception {
        // GreenMail offers no usable STARTTLS here: a channel that requires it must not fall back to plain text
        SmtpChannel channel = new SmtpChannel("smtp-tls", new SmtpSettings("127.0.0.1", relay.port(), null, null, true,
                "noreply@example.com", Duration.ofSeconds(5), Duration.ofSeconds(10), 1));
        channels.add(channel);
        SendResult result = send(channel, email("c-tls", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
        assertEquals(Outcome.TRANSIENT_FAILURE, result.outcome());
        assertFalse(channel.state().available());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    public void aRecipientRejectedWith5xxIsAPermanentFailureWithoutTheAddress() throws Exception {
        smtp.reject("nobody@example.dk", "550 5.1.1 <nobody@example.dk>: Recipient address rejected: unknown user");
        SmtpChannel channel = channel(relay.port(), 1);
        SendResult result = send(channel, email("c-550", "nobody@example.dk", "Nobody", DA_SUBJECT, DA_TEXT, null, "da"));
        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
        assertEquals("recipient rejected by the server (550 5.1.1)", result.error());
        assertTrue("a rejected recipient says nothing about the account", channel.state().available());
        assertSent(send(channel, email("c-ok", "soren@example.dk", null, DA_SUBJECT, DA_TEXT, null, "da")));
    }

    @Test
    public void aRecipientDeferredWith4xxIsATransientFailure() throws Exception {
        smtp.reject("busy@example.fr", "450 4.2.1 <busy@example.fr>: mailbox busy, try later");
        SendResult result = send(channel(relay.port(), 1),
                email("c-450", "busy@example.fr", null, FR_SUBJECT, FR_TEXT, null, "fr"));
        assertEquals(Outcome.TRANSIENT_FAILURE, result.outcome());
        assertEquals("recipient rejected by the server (450 4.2.1)", result.error());
    }

    @Test
    public void anInvalidAddressIsAPermanentFailureWithoutTheAddress() throws Exception {
        SmtpChannel channel = channel(relay.port(), 1);
        SendResult result = send(channel, email("c-bad", "olena at example", null, UK_SUBJECT, UK_TEXT, null, "uk"));
        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
        assertEquals("invalid recipient address", result.error());
        assertEquals(0, relay.connections());
    }

    @Test
    public void anSmsIsNotAnEmail() throws Exception {
        SendResult result = send(channel(relay.port(), 1),
                new OutboundMessage("c-sms", Medium.SMS, "+4512345678", null, null, DA_TEXT, null, "da", 1));
        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
    }

    @Test
    public void reconfiguringMovesToTheNewServerAndClosesTheOldConnections() throws Exception {
        SmtpChannel channel = channel(relay.port(), 1);
        assertSent(send(channel, email("c-old", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk")));

        RejectingGreenMail other = new RejectingGreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        other.start();
        try {
            channel.reconfigure(settings(other.getSmtp().getPort(), 1));
            assertSent(send(channel, email("c-new", "soren@example.dk", null, DA_SUBJECT, DA_TEXT, null, "da")));
            assertEquals(1, other.getReceivedMessages().length);
            assertEquals(1, smtp.getReceivedMessages().length);
            // the old pool's connection is closed once its thread has finished
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.openConnections() == 0);
        } finally {
            other.stop();
        }
    }

    @Test
    public void aClosedChannelRefusesTransiently() throws Exception {
        SmtpChannel channel = channel(relay.port(), 1);
        channel.close();
        SendResult result = send(channel, email("c-closed", "olena@example.ua", null, UK_SUBJECT, UK_TEXT, null, "uk"));
        assertEquals(Outcome.TRANSIENT_FAILURE, result.outcome());
        assertFalse(channel.state().available());
    }

    // ---- helpers

    static SmtpSettings settings(int port, int poolSize) {
        return new SmtpSettings("127.0.0.1", port, null, null, false, "Сервіс Київ <noreply@example.com>",
                Duration.ofSeconds(5), Duration.ofSeconds(10), poolSize);
    }

    @Test
    public void anAttachmentWithAUkrainianNameAndAnInlineImageArriveInTheirParts() throws Exception {
        byte[] pdf = "%PDF-1.4 рахунок".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        String filename = "Рахунок №42 — août.pdf";
        OutboundMessage message = new OutboundMessage("c-att", Medium.EMAIL, "olena@example.ua", "Олена", UK_SUBJECT,
                UK_TEXT, "<p>" + UK_TEXT + "</p><img src=\"cid:logo\" alt=\"logo\">", "uk", 1, "UA", List.of(
                        new io.tidings.api.channel.Attachment(filename, "application/pdf", pdf, null),
                        new io.tidings.api.channel.Attachment("logo.png", "image/png", png, "logo")));
        assertSent(send(channel(relay.port(), 1), message));

        MimeMessage received = receivedBy("olena@example.ua");
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertTrue(mixed.getContentType(), mixed.getContentType().toLowerCase().startsWith("multipart/mixed"));
        BodyPart attachment = null;
        BodyPart image = null;
        MimeMultipart related = null;
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested
                    && nested.getContentType().toLowerCase().startsWith("multipart/related")) {
                related = nested;
            } else if (javax.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachment = part;
            }
        }
        assertNotNull("the HTML and its images are multipart/related", related);
        for (int i = 0; i < related.getCount(); i++) {
            BodyPart part = related.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("image/png")) {
                image = part;
            }
        }
        assertNotNull(image);
        assertEquals("<logo>", ((javax.mail.internet.MimeBodyPart) image).getContentID());
        assertTrue(java.util.Arrays.equals(png, ((javax.mail.internet.MimeBodyPart) image).getInputStream().readAllBytes()));
        MimeMultipart alternative = alternativeOf(related);
        assertNotNull(alternative);
        assertTrue(String.valueOf(alternative.getBodyPart(1).getContent()).contains("cid:logo"));

        assertNotNull("the PDF is an attachment", attachment);
        assertEquals(filename, javax.mail.internet.MimeUtility.decodeText(attachment.getFileName()));
        assertTrue(attachment.getContentType(), attachment.getContentType().toLowerCase().startsWith("application/pdf"));
        assertTrue(java.util.Arrays.equals(pdf, attachment.getInputStream().readAllBytes()));
    }

    @Test
    public void aMarketingEmailCarriesOneClickUnsubscribeHeaders() throws Exception {
        String url = "https://notify.example.com/tidings/links/abc.def";
        OutboundMessage message = new OutboundMessage("c-mkt", Medium.EMAIL, "amelie@example.fr", "Amélie", FR_SUBJECT,
                FR_TEXT, null, "fr", 1, "FR", List.of(), url);
        assertSent(send(channel(relay.port(), 1), message));
        MimeMessage received = receivedBy("amelie@example.fr");
        assertEquals("<" + url + ">", received.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
    }

    private SmtpChannel channel(int port, int poolSize) {
        SmtpChannel channel = new SmtpChannel("smtp-test", settings(port, poolSize));
        channels.add(channel);
        return channel;
    }

    static OutboundMessage email(String id, String to, String name, String subject, String text, String html,
            String language) {
        return new OutboundMessage(id, Medium.EMAIL, to, name, subject, text, html, language, 1);
    }

    static SendResult send(SmtpChannel channel, OutboundMessage message) throws Exception {
        return channel.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static void assertSent(SendResult result) {
        assertEquals(String.valueOf(result.error()), Outcome.SENT, result.outcome());
    }

    private MimeMessage receivedBy(String address) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(address)) {
                return message;
            }
        }
        throw new AssertionError("no message to " + address);
    }

    private static MimeMultipart alternativeOf(MimeMultipart multipart) throws Exception {
        if (multipart.getContentType().toLowerCase().startsWith("multipart/alternative")) {
            return multipart;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).getContent() instanceof MimeMultipart nested) {
                MimeMultipart found = alternativeOf(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
