package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Bounces and complaints in Karaf with GreenMail's SMTP and IMAP: a DSN for a sent message dropped
 * into the channel's bounce mailbox moves that communication to BOUNCED and suppresses the address,
 * so the next message to it is SUPPRESSED; an ARF complaint suppresses marketing only.
 */
public class BounceIT extends TidingsTestSupport {

    private static final String RETURN_PATH = "bounce@tidings.test";
    private static GreenMail mail;
    private static GreenMailUser bounceMailbox;
    /** SendGrid's signing key pair (ECDSA P-256): the channel is configured with its public half. */
    private static final java.security.KeyPair SENDGRID = sendGridKeys();

    private static java.security.KeyPair sendGridKeys() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-smtp"};
    }

    @Override
    protected Option[] options() {
        return new Option[] {mavenBundle().groupId("com.icegreen").artifactId("greenmail")
                .version(System.getProperty("greenmail.version"))};
    }

    @Before
    public void mailServerAndChannel() throws Exception {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            mail.start();
            bounceMailbox = mail.setUser(RETURN_PATH, "bounce", "bounce-secret");
        }
        org.osgi.service.cm.Configuration config = configurationAdmin
                .getFactoryConfiguration("io.tidings.channel.smtp", "bounces", "?");
        if (config.getProperties() == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("host", "127.0.0.1");
            props.put("port", mail.getSmtp().getPort());
            props.put("from", "Tidings Test <noreply@tidings.test>");
            props.put("returnPath", RETURN_PATH);
            props.put("verp", true);
            props.put("bounceHost", "127.0.0.1");
            props.put("bouncePort", mail.getImap().getPort());
            props.put("bounceTls", false);
            props.put("bounceUser", "bounce");
            props.put("bouncePassword", "bounce-secret");
            props.put("bouncePollSeconds", 1);
            props.put("sendgridWebhookKey", java.util.Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded()));
            props.put("channel.priority", 10);
            config.update(props);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> channel("smtp-bounces") != null);
        awaitApi();
        for (String purpose : new String[] {"TRANSACTIONAL", "MARKETING"}) {
            String key = "bounce-it-" + purpose.toLowerCase();
            Api.Response template = api().put("/templates/" + key, Api.json("{'key':'" + key + "','name':'x',"
                    + "'medium':'EMAIL','defaultLanguage':'da','contents':{'da':{'subject':'" + purpose + " #order.number',"
                    + "'text':'Hej #contact_information.name'}}}"));
            assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
            Api.Response rule = api().put("/rules/" + key, Api.json("{'key':'" + key + "','name':'x',"
                    + "'event':'order.bounce_it','templates':['" + key + "'],'recipients':['contact_information'],"
                    + "'purpose':'" + purpose + "','enabled':true}"));
            assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
        }
    }

    @Test
    public void aHardBounceMovesTheMessageToBouncedAndSuppressesTheAddress() throws Exception {
        String ida = unique("ida") + "@example.dk";
        JsonNode sent = sentOrder(ida).get("TRANSACTIONAL");
        String id = sent.get("id").asText();
        // the DSN comes back to the VERP address of the communication
        deliver(dsn("bounce+" + id + "@tidings.test", ida, "<unknown@elsewhere>"));
        awaitStatus(id, Duration.ofSeconds(60), "BOUNCED");
        String reason = api().get("/communications/" + id).body().get("statusReason").asText();
        assertTrue(reason, reason.startsWith("5.1.1 smtp; 550 5.1.1"));

        JsonNode suppression = api().get("/suppressions?address=" + ida).body();
        assertEquals(suppression.toString(), "ALL", suppression.get(0).get("scope").asText());
        assertTrue(suppression.toString(), suppression.get(0).get("reason").asText().startsWith("hard bounce: 5.1.1"));

        JsonNode next = order(ida);
        for (JsonNode c : new JsonNode[] {next.get("TRANSACTIONAL"), next.get("MARKETING")}) {
            awaitStatus(c.get("id").asText(), Duration.ofSeconds(60), "SUPPRESSED");
        }

        // without VERP in the report's address, the Message-ID of the returned headers finds the communication
        String bo = unique("bo") + "@example.dk";
        JsonNode other = sentOrder(bo).get("MARKETING");
        String messageId = api().get("/communications/" + other.get("id").asText()).body().get("providerMessageId").asText();
        deliver(dsn(RETURN_PATH, bo, messageId));
        awaitStatus(other.get("id").asText(), Duration.ofSeconds(60), "BOUNCED");
        String metrics = api().get("/metrics/prometheus").raw();
        assertTrue(metrics, metrics.matches(
                "(?s).*\ntidings_communications_bounced_total\\{channel=\"smtp-bounces\",medium=\"\"} [1-9][0-9]*\n.*"));

        // taken off the list, the address is mailed again
        assertEquals(204, api().delete("/suppressions/" + ida).status());
        JsonNode again = order(ida);
        awaitStatus(again.get("TRANSACTIONAL").get("id").asText(), Duration.ofSeconds(60), "SENT");
    }

    @Test
    public void aComplaintSuppressesMarketingOnly() throws Exception {
        String ann = unique("ann") + "@example.dk";
        JsonNode sent = sentOrder(ann).get("MARKETING");
        String messageId = api().get("/communications/" + sent.get("id").asText()).body().get("providerMessageId").asText();
        deliver(arf(ann, messageId));
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/suppressions?address=" + ann).body().size() == 1);
        JsonNode suppression = api().get("/suppressions?address=" + ann).body().get(0);
        assertEquals("MARKETING", suppression.get("scope").asText());
        assertEquals("complaint: abuse feedback report", suppression.get("reason").asText());
        assertEquals("a complaint does not bounce the message", "SENT", status(sent.get("id").asText()));
        String metrics = api().get("/metrics/prometheus").raw();
        assertTrue(metrics, metrics.matches(
                "(?s).*\ntidings_communications_complained_total\\{channel=\"smtp-bounces\",medium=\"\"} [1-9][0-9]*\n.*"));

        JsonNode next = order(ann);
        awaitStatus(next.get("MARKETING").get("id").asText(), Duration.ofSeconds(60), "SUPPRESSED");
        awaitStatus(next.get("TRANSACTIONAL").get("id").asText(), Duration.ofSeconds(60), "SENT");
    }

    @Test
    public void aSignedSendGridBounceIsAppliedAndAnUnsignedOneRefused() throws Exception {
        String carl = unique("carl") + "@example.dk";
        JsonNode sent = sentOrder(carl).get("TRANSACTIONAL");
        String messageId = api().get("/communications/" + sent.get("id").asText()).body().get("providerMessageId").asText();
        String events = Api.json("[{'email':'" + carl + "','event':'bounce','type':'bounce','status':'5.1.1',"
                + "'reason':'550 5.1.1 The email account does not exist','smtp-id':'" + messageId + "'}]");
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());

        assertEquals(401, webhook(events, null, null).statusCode());
        java.net.http.HttpResponse<String> forged = webhook(events, sign("0" + timestamp, events), timestamp);
        assertEquals(forged.body(), 403, forged.statusCode());
        assertEquals("SENT", status(sent.get("id").asText()));

        java.net.http.HttpResponse<String> applied = webhook(events, sign(timestamp, events), timestamp);
        assertEquals(applied.body(), 200, applied.statusCode());
        awaitStatus(sent.get("id").asText(), Duration.ofSeconds(30), "BOUNCED");
        assertEquals("5.1.1 550 5.1.1 The email account does not exist",
                api().get("/communications/" + sent.get("id").asText()).body().get("statusReason").asText());
        assertEquals("ALL", api().get("/suppressions?address=" + carl).body().get(0).get("scope").asText());
    }

    private static String sign(String timestamp, String body) throws Exception {
        java.security.Signature ecdsa = java.security.Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(SENDGRID.getPrivate());
        ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return java.util.Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    private static java.net.http.HttpResponse<String> webhook(String body, String signature, String timestamp)
            throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(httpUrl("/tidings/api/v1/callbacks/sendgrid/smtp-bounces")))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Email-Event-Webhook-Signature", signature)
                    .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void threeSoftBouncesSuppressTheAddress() throws Exception {
        String dora = unique("dora") + "@example.dk";
        for (int i = 0; i < 3; i++) {
            deliver(dsn(RETURN_PATH, dora, "<unknown@elsewhere>").replace("Action: failed", "Action: delayed")
                    .replace("Status: 5.1.1", "Status: 4.2.2"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/suppressions?address=" + dora).body().size() == 1);
        String reason = api().get("/suppressions?address=" + dora).body().get(0).get("reason").asText();
        assertTrue(reason, reason.startsWith("3 soft bounces in 7 days, the last: 4.2.2"));
    }

    /** An order for a contact consenting to email and marketing: its communications by purpose, once SENT. */
    private JsonNode sentOrder(String email) {
        JsonNode planned = order(email);
        planned.forEach(c -> awaitStatus(c.get("id").asText(), Duration.ofSeconds(60), "SENT"));
        return planned;
    }

    private JsonNode order(String email) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("e") + "','type':'order.bounce_it',"
                + "'occurredAt':'2026-11-23T09:15:00+01:00','entity':{'type':'order','id':'" + unique("o") + "'},"
                + "'data':{'order':{'number':'7'},'contact_information':{'name':'Ida','email':'" + email + "',"
                + "'consent':{'email':true,'marketing':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        com.fasterxml.jackson.databind.node.ObjectNode byPurpose = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        for (JsonNode id : posted.body().get("communications")) {
            JsonNode c = api().get("/communications/" + id.asText()).body();
            byPurpose.set(c.get("rule").asText().endsWith("marketing") ? "MARKETING" : "TRANSACTIONAL", c);
        }
        assertEquals(posted.raw(), 2, byPurpose.size());
        return byPurpose;
    }

    private static void deliver(String text) throws Exception {
        bounceMailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
    }

    private static String dsn(String to, String recipient, String messageId) {
        return String.join("\r\n", "From: MAILER-DAEMON@mx.example.dk", "To: " + to,
                "Subject: Undelivered Mail Returned to Sender", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"", "",
                "--B1", "Content-Type: text/plain", "", "Your message could not be delivered.", "",
                "--B1", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.dk", "",
                "Final-Recipient: rfc822; " + recipient, "Action: failed", "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 User unknown", "",
                "--B1", "Content-Type: text/rfc822-headers", "", "From: noreply@tidings.test", "To: " + recipient,
                "Message-ID: " + messageId, "", "--B1--", "");
    }

    private static String arf(String recipient, String messageId) {
        return String.join("\r\n", "From: fbl@isp.example.net", "To: " + RETURN_PATH, "Subject: FW: abuse report",
                "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=feedback-report; boundary=\"B2\"", "",
                "--B2", "Content-Type: text/plain", "", "An abuse report.", "",
                "--B2", "Content-Type: message/feedback-report", "", "Feedback-Type: abuse", "Version: 1",
                "Original-Rcpt-To: <" + recipient + ">", "",
                "--B2", "Content-Type: message/rfc822", "", "From: noreply@tidings.test", "To: " + recipient,
                "Message-ID: " + messageId, "", "Tilbud", "--B2--", "");
    }
}
