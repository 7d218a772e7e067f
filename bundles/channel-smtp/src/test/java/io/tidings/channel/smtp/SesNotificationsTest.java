package io.tidings.channel.smtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Amazon SES notifications as reports: a permanent bounce is hard, a transient one soft, a complaint a complaint. */
public class SesNotificationsTest {

    static final String MAIL = "'mail':{'timestamp':'2026-12-07T18:59:58.000Z','source':'noreply@boutique.example.fr',"
            + "'messageId':'0100018c4f2a-ses','commonHeaders':{'messageId':'<5f1c.c-42@boutique.example.fr>'}}";

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    public void aPermanentBounceIsHardPerRecipientWithItsDiagnostic() throws Exception {
        List<BounceReport> reports = SesNotifications.reports(json("{'notificationType':'Bounce','bounce':{"
                + "'bounceType':'Permanent','bounceSubType':'General','bouncedRecipients':[{'emailAddress':"
                + "'chloe@example.fr','action':'failed','status':'5.1.1','diagnosticCode':'smtp; 550 5.1.1 user unknown'},"
                + "{'emailAddress':'louis@example.fr'}]}," + MAIL + "}"));
        assertEquals(List.of(new BounceReport(BounceReport.Kind.HARD, "chloe@example.fr",
                "5.1.1 smtp; 550 5.1.1 user unknown", "<5f1c.c-42@boutique.example.fr>", null),
                new BounceReport(BounceReport.Kind.HARD, "louis@example.fr",
                        "bounce reported by Amazon SES: Permanent/General", "<5f1c.c-42@boutique.example.fr>", null)),
                reports);
    }

    @Test
    public void aTransientBounceIsSoftAndAComplaintAComplaint() throws Exception {
        assertEquals(BounceReport.Kind.SOFT, SesNotifications.reports(json("{'notificationType':'Bounce','bounce':{"
                + "'bounceType':'Transient','bounceSubType':'MailboxFull','bouncedRecipients':[{'emailAddress':"
                + "'ida@example.dk','status':'4.2.2'}]}," + MAIL + "}")).get(0).kind());
        List<BounceReport> complaint = SesNotifications.reports(json("{'notificationType':'Complaint','complaint':{"
                + "'complainedRecipients':[{'emailAddress':'taras@example.com'}],'complaintFeedbackType':'abuse'},"
                + MAIL + "}"));
        assertEquals(List.of(new BounceReport(BounceReport.Kind.COMPLAINT, "taras@example.com", "abuse",
                "<5f1c.c-42@boutique.example.fr>", null)), complaint);
        assertTrue(SesNotifications.reports(json("{'notificationType':'Delivery'," + MAIL + "}")).isEmpty());
    }

    @Test
    public void onlyAmazonsAddressesAreConfirmedAutomatically() {
        assertTrue(SesWebhook.confirmable("https://sns.eu-north-1.amazonaws.com/?Action=ConfirmSubscription&Token=x"));
        for (String url : new String[] {"http://sns.eu-north-1.amazonaws.com/?Action=ConfirmSubscription",
                "https://sns.eu-north-1.amazonaws.com.evil.example/", "https://evil.example/amazonaws.com", "not a url"}) {
            assertTrue(url, !SesWebhook.confirmable(url));
        }
    }
}
