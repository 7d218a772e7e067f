package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.Test;

/** Reading DSNs and ARF reports, with and without VERP. */
public class BounceParserTest {

    private static MimeMessage message(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    public void aHardBounceNamesItsRecipientDiagnosticMessageIdAndVerpCommunication() throws Exception {
        BounceReport report = new BounceParser("bounce@mail.example.com").parse(message(Reports.dsn(
                "bounce+c-42@mail.example.com", "Ida@example.dk", "<abc.c-42@example.com>"))).orElseThrow();
        assertEquals(new BounceReport(BounceReport.Kind.HARD, "Ida@example.dk", "5.1.1 smtp; 550 5.1.1 <Ida@example.dk>: "
                + "Recipient address rejected: User unknown in virtual mailbox table", "<abc.c-42@example.com>", "c-42"),
                report);
    }

    @Test
    public void withoutVerpTheMessageIdFindsTheCommunication() throws Exception {
        BounceReport report = new BounceParser(null).parse(message(Reports.dsn("noreply@example.com", "ida@example.dk",
                "<abc@example.com>"))).orElseThrow();
        assertEquals(null, report.communicationId());
        assertEquals("<abc@example.com>", report.messageId());
    }

    @Test
    public void aDelayIsASoftBounce() throws Exception {
        assertEquals(BounceReport.Kind.SOFT, new BounceParser(null).parse(message(Reports.delayed("noreply@example.com",
                "ida@example.dk"))).orElseThrow().kind());
    }

    @Test
    public void anAbuseReportIsAComplaintAboutItsOriginalRecipient() throws Exception {
        BounceReport report = new BounceParser("bounce@mail.example.com").parse(message(Reports.arf(
                "bounce@mail.example.com", "bo@example.dk", "<m-1@example.com>"))).orElseThrow();
        assertEquals(new BounceReport(BounceReport.Kind.COMPLAINT, "bo@example.dk", "abuse", "<m-1@example.com>", null),
                report);
    }

    @Test
    public void aMessageAPersonWroteIsNoReport() throws Exception {
        assertTrue(new BounceParser(null).parse(message("From: ida@example.dk\r\nTo: bounce@example.com\r\n"
                + "Subject: Re: Ordre\r\n\r\nTak!\r\n")).isEmpty());
    }
}
