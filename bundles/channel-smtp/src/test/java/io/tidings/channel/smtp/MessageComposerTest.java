package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.util.ByteArrayDataSource;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.channel.Attachment;
import io.tidings.api.channel.OutboundMessage;

/** How a message is built: every text part carries its encoded bytes, so sending reads them directly. */
public class MessageComposerTest {

    private static final String HTML = "<p>Шановна Олено, ваше замовлення «R-17» готове. Hej Ida, ordren er klar på Nørrebro. "
            + "Chloé, votre commande est prête à l'atelier.</p>";
    private static final String TEXT = "Шановна Олено, ваше замовлення «R-17» готове.\nHej Ida, ordren er klar på Nørrebro.\n"
            + "Chloé, votre commande est prête à l'atelier.";

    /**
     * A text part built from a String is read, when Jakarta Mail checks it for 8BITMIME, through a
     * pipe fed by a thread started for that read: the text parts must hold bytes instead, and
     * the message must carry the same text in all three languages, with its attachment untouched.
     */
    @Test
    public void textPartsHoldTheirEncodedBytesAndKeepTheirText() throws Exception {
        byte[] file = "Рахунок R-17 — août, Nørrebro\n".getBytes(StandardCharsets.UTF_8);
        MimeMessage mime = composer().compose(new OutboundMessage("c-1", Medium.EMAIL, "olena@example.ua", "Олена",
                "Ваше замовлення готове", TEXT, HTML, "uk", 1, "UA",
                List.of(new Attachment("rahunok.txt", "text/plain", file, null))));

        List<Part> texts = new ArrayList<>();
        collect(mime, texts);
        assertEquals("the HTML, its text part and the attached file", 3, texts.size());
        for (Part part : texts) {
            assertTrue(part.getContentType() + " is held as bytes " + part.getClass() + " " + part.getDataHandler().getDataSource().getClass() + " " + part.getDisposition() + " " + part.getFileName(),
                    part.getDataHandler().getDataSource() instanceof ByteArrayDataSource);
        }

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        mime.writeTo(wire);
        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(wire.toByteArray()));
        List<Part> parsed = new ArrayList<>();
        collect(received, parsed);
        assertEquals(3, parsed.size());
        List<String> contents = new ArrayList<>();
        for (Part part : parsed) {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertEquals("rahunok.txt", part.getFileName());
                assertTrue(java.util.Arrays.equals(file, part.getInputStream().readAllBytes()));
            } else {
                contents.add(((String) part.getContent()).replace("\r\n", "\n").strip());
            }
        }
        assertTrue(contents.toString(), contents.contains(TEXT));
        assertTrue(contents.toString(), contents.stream().anyMatch(c -> c.contains(HTML)));
    }

    @Test
    public void aPlainTextMessageHoldsItsBytesToo() throws Exception {
        MimeMessage mime = composer().compose(new OutboundMessage("c-2", Medium.EMAIL, "ida@example.dk", "Ida",
                "Ordren er klar", TEXT, null, "da", 1));
        assertTrue(mime.getDataHandler().getDataSource() instanceof ByteArrayDataSource);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        mime.writeTo(wire);
        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(wire.toByteArray()));
        assertEquals(TEXT, ((String) received.getContent()).replace("\r\n", "\n").strip());
    }

    /**
     * For a server that announced 8BITMIME, 8-bit text goes as it is; a part with a line over 998
     * bytes keeps its encoding (the limit holds for 8-bit bodies too), and undoing 8bit for another
     * server encodes the parts again, the text intact.
     */
    @Test
    public void eightBitPartsForAServerWithEightBitMimeAndTheLineLimitKept() throws Exception {
        String longLine = "<p>" + "Nørrebro ".repeat(150) + "</p>";
        MimeMessage mime = composer().compose(new OutboundMessage("c-3", Medium.EMAIL, "chloe@example.fr", "Chloé",
                "Votre commande", TEXT, longLine, "fr", 1), true);
        List<Part> texts = new ArrayList<>();
        collect(mime, texts);
        assertEquals(2, texts.size());
        for (Part part : texts) {
            String encoding = ((javax.mail.internet.MimePart) part).getEncoding();
            if (part.isMimeType("text/html")) {
                assertTrue(encoding, !"8bit".equalsIgnoreCase(encoding));
            } else {
                assertEquals("8bit", encoding);
            }
        }
        assertEquals(TEXT, roundTrip(mime).get(0));

        MessageComposer.sevenBit(mime);
        texts.clear();
        collect(mime, texts);
        for (Part part : texts) {
            assertTrue(!"8bit".equalsIgnoreCase(((javax.mail.internet.MimePart) part).getEncoding()));
        }
        List<String> again = roundTrip(mime);
        assertEquals(TEXT, again.get(0));
        assertEquals(longLine, again.get(1));
    }

    private static List<String> roundTrip(MimeMessage mime) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        mime.writeTo(wire);
        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(wire.toByteArray()));
        List<Part> parts = new ArrayList<>();
        collect(received, parts);
        List<String> texts = new ArrayList<>();
        for (Part part : parts) {
            texts.add(((String) part.getContent()).replace("\r\n", "\n").strip());
        }
        return texts;
    }

    private static MessageComposer composer() {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", 25, null, null, false, "Сервіс Київ <noreply@example.com>",
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1);
        return new MessageComposer(Session.getInstance(settings.sessionProperties()), settings);
    }

    private static void collect(Part part, List<Part> texts) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), texts);
            }
        } else if (part.isMimeType("text/*")) {
            texts.add(part);
        }
    }
}
