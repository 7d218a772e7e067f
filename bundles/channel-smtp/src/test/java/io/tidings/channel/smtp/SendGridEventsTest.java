package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** SendGrid's events as reports: bounces, blocks, spam reports; the rest ignored. Signatures are checked in BounceIT. */
public class SendGridEventsTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    public void aBounceIsHardABlockSoftAndASpamReportAComplaint() throws Exception {
        assertEquals(new BounceReport(BounceReport.Kind.HARD, "ida@example.dk", "5.1.1 550 5.1.1 User unknown",
                "<abc@example.com>", null), SendGridWebhook.report(json("{'email':'ida@example.dk','event':'bounce',"
                        + "'type':'bounce','status':'5.1.1','reason':'550 5.1.1 User unknown','smtp-id':'<abc@example.com>'}")));
        assertEquals(BounceReport.Kind.SOFT, SendGridWebhook.report(json("{'email':'ida@example.dk','event':'bounce',"
                + "'type':'blocked','status':'4.0.0'}")).kind());
        BounceReport complaint = SendGridWebhook.report(json("{'email':'bo@example.dk','event':'spamreport',"
                + "'tidings_communication':'c-9'}"));
        assertEquals(BounceReport.Kind.COMPLAINT, complaint.kind());
        assertEquals("c-9", complaint.communicationId());
        assertNull(SendGridWebhook.report(json("{'email':'bo@example.dk','event':'delivered'}")));
    }

    @Test
    public void aKeyThatIsNoEcKeyIsRefusedNamingTheSetting() {
        try {
            SendGridWebhook.key("not-a-key");
            throw new AssertionError("accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("sendgridWebhookKey:"));
        }
    }
}
