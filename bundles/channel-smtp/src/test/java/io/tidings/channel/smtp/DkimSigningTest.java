package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.tidings.api.channel.Attachment;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.channel.SendResult.Outcome;

/**
 * DKIM through a real SMTP server: what GreenMail received verifies with an independent verifier
 * (dkimpy) for an RSA 2048 and an Ed25519 key, a changed body does not, and a key that cannot be
 * read fails each message with the reason while the channel's state names it.
 */
public class DkimSigningTest {

    private GreenMail server;
    private SmtpChannel channel;
    private Path dir;

    @Before
    public void start() throws Exception {
        server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        dir = Files.createTempDirectory("dkim");
    }

    @After
    public void stop() {
        if (channel != null) {
            channel.close();
        }
        server.stop();
    }

    @Test
    public void anRsaSignedMessageVerifiesAndAChangedBodyDoesNot() throws Exception {
        DkimVerifier.assumeInstalled();
        DkimKeyFiles.Made key = DkimKeyFiles.rsa(dir, 2048);
        byte[] raw = sendSigned(key.file(), "olena@example.ua");
        assertTrue(new String(raw, StandardCharsets.US_ASCII), new String(raw, StandardCharsets.US_ASCII)
                .contains("a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=mail2026;"));
        assertEquals("pass", DkimVerifier.verify(raw, "mail2026", "example.com", key.dnsRecord()));

        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int body = text.indexOf("\r\n\r\n");
        byte[] changed = (text.substring(0, body) + text.substring(body).replaceFirst("[A-Za-z]", "x"))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("fail", DkimVerifier.verify(changed, "mail2026", "example.com", key.dnsRecord()));
    }

    @Test
    public void anEd25519SignedMessageVerifies() throws Exception {
        DkimVerifier.assumeInstalled();
        DkimKeyFiles.Made key = DkimKeyFiles.ed25519(dir);
        byte[] raw = sendSigned(key.file(), "soren@example.dk");
        assertTrue(new String(raw, StandardCharsets.US_ASCII).contains("a=ed25519-sha256;"));
        assertEquals("pass", DkimVerifier.verify(raw, "mail2026", "example.com", key.dnsRecord()));
    }

    @Test
    public void aKeyThatCannotBeReadFailsEachMessageUntilTheFileIsPutRight() throws Exception {
        Path file = dir.resolve("later.pem");
        channel = channel(file);
        SendResult failed = send(message("c-nokey", "amelie@example.fr"));
        assertEquals(Outcome.PERMANENT_FAILURE, failed.outcome());
        assertTrue(failed.error(), failed.error().startsWith("DKIM key broken: dkimKeyFile " + file
                + " cannot be read: NoSuchFileException"));
        assertTrue(channel.state().available());
        assertTrue(channel.state().detail(), channel.state().detail().startsWith("DKIM key broken: "));
        assertEquals("nothing went out unsigned", 0, server.getReceivedMessages().length);

        Files.move(DkimKeyFiles.ed25519(dir).file(), file);
        assertEquals(Outcome.SENT, send(message("c-key", "amelie@example.fr")).outcome());
        assertEquals("available", channel.state().detail());
        assertEquals(1, server.getReceivedMessages().length);
    }

    /** Sends a Ukrainian HTML message with a text alternative and an attachment; answers the bytes received. */
    private byte[] sendSigned(Path key, String to) throws Exception {
        channel = channel(key);
        SendResult result = send(message("c-" + to.hashCode(), to));
        assertEquals(String.valueOf(result.error()), Outcome.SENT, result.outcome());
        MimeMessage received = server.getReceivedMessages()[0];
        assertNotNull(received.getHeader("DKIM-Signature", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        received.writeTo(out);
        return out.toByteArray();
    }

    private SmtpChannel channel(Path key) {
        return new SmtpChannel("smtp-dkim", new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), null, null, false,
                "Сервіс Київ <noreply@example.com>", Duration.ofSeconds(5), Duration.ofSeconds(10), 1)
                .withDkim(new DkimSettings("example.com", "mail2026", key, null)));
    }

    private static OutboundMessage message(String id, String to) {
        return new OutboundMessage(id, Medium.EMAIL, to, "Олена Коваленко", "Ваше замовлення R-17 готове",
                "Шановна Олено,\nстатус замовлення змінився на «Готове».   \n\n", "<p>Шановна Олено,</p>\n<p>Готове.</p>",
                "uk", 1, "UA", List.of(new Attachment("rahunok.txt", "text/plain",
                        "Рахунок R-17\n".getBytes(StandardCharsets.UTF_8), null)),
                "https://shop.example.com/u/abc");
    }

    private SendResult send(OutboundMessage message) throws Exception {
        return channel.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
