package io.tidings.channel.smtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.Medium;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult.Outcome;

/**
 * The envelope per channel: the return path (with VERP) that bounces go to, the Message-ID domain,
 * and the Reply-To: the message's own (its rule's or its template's), else the channel's default.
 */
public class EnvelopeTest {

    private GreenMail server;
    private SmtpChannel channel;

    @Before
    public void start() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            server = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
        server.start();
    }

    @After
    public void stop() {
        if (channel != null) {
            channel.close();
        }
        server.stop();
    }

    private SmtpSettings settings() {
        return new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), null, null, false, "Shop <noreply@example.com>",
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1);
    }

    private MimeMessage send(SmtpSettings settings, String id) throws Exception {
        return send(settings, new OutboundMessage(id, Medium.EMAIL, "ida@example.dk", "Ida", "Hej", "Ordren er klar",
                null, "da", 1));
    }

    /** Sends on a channel of its own, closed after: the message the server received last. */
    private MimeMessage send(SmtpSettings settings, OutboundMessage message) throws Exception {
        channel = new SmtpChannel("smtp-envelope", settings);
        assertEquals(Outcome.SENT, channel.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS).outcome());
        channel.close();
        channel = null;
        MimeMessage[] received = server.getReceivedMessages();
        return received[received.length - 1];
    }

    private String[] replyToOf(SmtpSettings settings, String replyTo, String html) throws Exception {
        return send(settings, new OutboundMessage("c-" + System.nanoTime(), Medium.EMAIL, "chloe@example.fr", "Chloé",
                "Votre commande est prête", "Bonjour Chloé, votre commande est prête.", html, "fr", 1, "FR", List.of(),
                null, replyTo)).getHeader("Reply-To");
    }

    @Test
    public void theMessagesReplyToIsTheHeaderOverTheChannelsDefault() throws Exception {
        assertArrayEquals(new String[] {"service-client@boutique.example.fr"},
                replyToOf(settings().withReplyTo("atelier@boutique.example.fr"), "service-client@boutique.example.fr",
                        null));
        assertArrayEquals("HTML mail carries it as well", new String[] {"service-client@boutique.example.fr"},
                replyToOf(settings(), "service-client@boutique.example.fr", "<p>Bonjour Chloé</p>"));
    }

    @Test
    public void withoutOneOfItsOwnTheChannelsDefaultReplyToAppliesElseNone() throws Exception {
        assertArrayEquals(new String[] {"atelier@boutique.example.fr"},
                replyToOf(settings().withReplyTo(" atelier@boutique.example.fr "), null, null));
        org.junit.Assert.assertNull(replyToOf(settings().withReplyTo(""), null, null));
    }

    @Test
    public void underVerpABounceGoesToAnAddressNamingTheCommunication() throws Exception {
        MimeMessage received = send(settings().withReturnPath("bounce@mail.example.com", true)
                .withMessageIdDomain("Mail.Example.com"), "0b6f2c1e-8d1a-4a57-9a3e-5f2d4c3b2a10");
        assertEquals("<bounce+0b6f2c1e-8d1a-4a57-9a3e-5f2d4c3b2a10@mail.example.com>",
                received.getHeader("Return-Path", null));
        assertTrue(received.getMessageID(), received.getMessageID().endsWith("@mail.example.com>"));
        assertEquals("noreply@example.com", ((javax.mail.internet.InternetAddress) received.getFrom()[0]).getAddress());
    }

    @Test
    public void withoutVerpTheReturnPathIsTheConfiguredAddressAndWithoutItTheSender() throws Exception {
        assertEquals("<bounce@mail.example.com>", send(settings().withReturnPath("bounce@mail.example.com", false), "c-1")
                .getHeader("Return-Path", null));
        // none configured: the session's mail.smtp.from, the From address
        org.junit.Assert.assertNull(settings().envelopeSender("c-2"));
    }

    @Test
    public void badEnvelopeSettingsNameTheirKey() {
        assertRefused(() -> settings().withReturnPath("Bounces <bounce@example.com>", false), "returnPath:");
        assertRefused(() -> settings().withReturnPath("", true), "returnPath: is required for verp");
        assertRefused(() -> settings().withMessageIdDomain("not a domain"), "messageIdDomain:");
        for (String bad : List.of("Atelier <atelier@boutique.example.fr>", "atelier", "a b@example.fr")) {
            assertRefused(() -> settings().withReplyTo(bad), "replyTo: '" + bad + "' is not a bare email address");
        }
    }

    private static void assertRefused(Runnable r, String start) {
        try {
            r.run();
            throw new AssertionError("accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(start));
        }
    }
}
