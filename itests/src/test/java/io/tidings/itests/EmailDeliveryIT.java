package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The foundation's end-to-end path in a stock Karaf with the features installed: an event posted
 * over HTTP becomes an email in a real SMTP server (GreenMail, running in the container).
 */
public class EmailDeliveryIT extends TidingsTestSupport {

    private static GreenMail smtp;

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-smtp", "tidings-demo"};
    }

    /**
     * GreenMail runs in the container, beside the channel it receives from; template files come from
     * the container's own HTTP port on loopback, which the engine refuses unless allowed.
     */
    @Override
    protected Option[] options() {
        return new Option[] {mavenBundle().groupId("com.icegreen").artifactId("greenmail")
                .version(System.getProperty("greenmail.version")),
                editConfigurationFilePut("etc/io.tidings.dispatch.cfg", "attachmentAllowedHosts", "127.0.0.1")};
    }

    @Before
    public void smtpServerAndChannel() throws Exception {
        if (smtp == null) {
            smtp = Mails.startSmtp();
        }
        Mails.smtpChannel(this, smtp, "itest");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response templates = api().get("/templates");
            assertEquals(templates.raw(), 200, templates.status());
        });
    }

    @Test
    public void anEventPostedOverHttpArrivesAsARenderedEmail() throws Exception {
        saveTemplate("repair-done", "uk",
                "{'uk':{'subject':'Ремонт #order.number завершено','html':'<p>Шановний #contact_information.name, ваш пристрій готовий.</p>'},"
                        + "'da':{'subject':'Reparation #order.number er færdig','html':'<p>Kære #contact_information.name, din enhed er klar – på gensyn!</p>'},"
                        + "'fr':{'subject':'Réparation #order.number terminée','html':'<p>Bonjour #contact_information.name, votre appareil est prêt ; à bientôt !</p>'}}");
        saveRule("repair-done", "order.repair_done", "repair-done");

        String ukrainian = unique("ukr") + "@example.com";
        String danish = unique("dan") + "@example.com";
        String french = unique("fra") + "@example.com";
        assertEquals(202, postEvent(unique("e"), "order.repair_done", "R-1", "Олена Коваленко", ukrainian, "uk").status());
        assertEquals(202, postEvent(unique("e"), "order.repair_done", "R-2", "Søren Ærø", danish, "da").status());
        assertEquals(202, postEvent(unique("e"), "order.repair_done", "R-3", "Amélie Dubois", french, "fr").status());

        MimeMessage uk = awaitMessage(ukrainian);
        assertEquals("Ремонт R-1 завершено", uk.getSubject());
        String ukBody = bodyOf(uk);
        assertTrue(ukBody, ukBody.contains("Шановний Олена Коваленко, ваш пристрій готовий."));
        assertTrue("HTML with a text alternative expected", uk.isMimeType("multipart/alternative"));

        MimeMessage da = awaitMessage(danish);
        assertEquals("Reparation R-2 er færdig", da.getSubject());
        assertTrue(bodyOf(da).contains("Kære Søren Ærø, din enhed er klar – på gensyn!"));

        MimeMessage fr = awaitMessage(french);
        assertEquals("Réparation R-3 terminée", fr.getSubject());
        assertTrue(bodyOf(fr).contains("Bonjour Amélie Dubois, votre appareil est prêt ; à bientôt !"));

        JsonNode listed = api().get("/communications?contact=" + ukrainian).body();
        assertEquals(1, listed.size());
        JsonNode communication = api().get("/communications/" + listed.get(0).get("id").asText()).body();
        assertEquals("SENT", communication.get("status").asText());
        assertEquals("smtp-itest", communication.get("channel").asText());
        assertEquals("uk", communication.get("language").asText());
        assertEquals("Ремонт R-1 завершено", communication.get("subject").asText());

        // what monitoring scrapes: the sent message counted, the channel up
        Api.Response metrics = api().get("/metrics");
        assertEquals(metrics.raw(), 200, metrics.status());
        assertTrue(metrics.raw(), metrics.raw().matches("(?s).*\ntidings_communications\\{status=\"SENT\"} [1-9][0-9]*\n.*"));
        assertTrue(metrics.raw(), metrics.raw().contains("tidings_channel_up{channel=\"smtp-itest\",medium=\"EMAIL\"} 1\n"));
        assertEquals(401, api(null, null).get("/metrics").status());
    }

    @Test
    public void theSameEventTwiceSendsOneEmail() throws Exception {
        saveTemplate("twice", "en", "{'en':{'subject':'Order #order.number','text':'Hello #contact_information.name'}}");
        saveRule("twice", "order.twice", "twice");
        String address = unique("twice") + "@example.com";
        String eventId = unique("event");

        Api.Response first = postEvent(eventId, "order.twice", "T-1", "Ann", address, "en");
        Api.Response second = postEvent(eventId, "order.twice", "T-1", "Ann", address, "en");
        assertEquals(202, first.status());
        assertEquals(200, second.status());
        assertEquals(first.body().get("communications"), second.body().get("communications"));
        assertEquals(1, first.body().get("communications").size());

        awaitMessage(address);
        String id = first.body().get("communications").get(0).asText();
        awaitStatus(id, Duration.ofSeconds(30), "SENT");
        // a third delivery attempt of the same event, then: still exactly one email and one communication
        assertEquals(200, postEvent(eventId, "order.twice", "T-1", "Ann", address, "en").status());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> messagesTo(address).size() == 1);
        assertEquals(1, api().get("/communications?contact=" + address).body().size());
    }

    @Test
    public void anAgentsMessagePostedOverHttpArrivesAsWritten() throws Exception {
        String address = unique("agent") + "@example.fr";
        String order = unique("R");
        String text = "Bonjour Amélie, votre téléphone est prêt. (Le texte part tel quel : #order.number.)";
        String message = Api.json("{'id':'" + unique("crm") + "','medium':'EMAIL','subject':'Votre réparation est prête',"
                + "'text':'" + text + "','entity':{'type':'order','id':'" + order + "'},"
                + "'recipient':{'name':'Amélie Poulain','email':'" + address + "','preferred_language':'fr',"
                + "'consent':{'email':true}}}");
        Api.Response posted = api().post("/messages", message);
        assertEquals(posted.raw(), 202, posted.status());
        assertEquals(200, api().post("/messages", message).status());

        MimeMessage received = awaitMessage(address);
        assertEquals("Votre réparation est prête", received.getSubject());
        assertTrue(bodyOf(received), bodyOf(received).contains(text));
        String id = posted.body().get("communications").get(0).asText();
        awaitStatus(id, Duration.ofSeconds(30), "SENT");
        assertEquals("tidings.manual", api().get("/communications/" + id).body().get("rule").asText());
        assertEquals(1, api().get("/communications?entityType=order&entityId=" + order).body().size());

        // the contact asks to be forgotten: its messages leave the record, its address goes with them
        Api.Response erased = api().post("/contacts/erase", Api.json("{'address':'" + address + "'}"));
        assertEquals(erased.raw(), 200, erased.status());
        assertEquals(1, erased.body().get("communications").asInt());
        assertEquals(404, api().get("/communications/" + id).status());
        assertEquals(0, api().get("/communications?contact=" + address).body().size());

        // the built-in templates and rule that carry such messages cannot be shadowed
        Api.Response reserved = api().put("/templates/tidings.manual.email.fr", Api.json("{'key':'tidings.manual.email.fr',"
                + "'name':'x','medium':'EMAIL','defaultLanguage':'fr','contents':{'fr':{'subject':'x','text':'x'}}}"));
        assertEquals(reserved.raw(), 400, reserved.status());
        assertTrue(reserved.raw(), reserved.raw().contains("reserved"));
    }

    @Test
    public void anAdministratorSendsAMessageFromTheShell() throws Exception {
        String address = unique("shell") + "@example.dk";
        String output = executeCommand("tidings:send --subject \"Prøve fra Tidings\" --language da "
                + address + " Hej, dette er en prøve på æ, ø og å.");
        MimeMessage received = awaitMessage(address);
        assertEquals("Prøve fra Tidings", received.getSubject());
        assertTrue(bodyOf(received), bodyOf(received).contains("Hej, dette er en prøve på æ, ø og å."));
        String id = output.trim().split("\\s+")[0];
        assertEquals(output, "da", api().get("/communications/" + id).body().get("language").asText());

        // an email without a subject is refused, naming what is missing
        try {
            executeCommand("tidings:send " + unique("none") + "@example.dk Hej");
            throw new AssertionError("an email without a subject was sent");
        } catch (io.tidings.api.ValidationException e) {
            assertEquals("subject", e.field());
        }
    }

    @Test
    public void aNotificationRunPostsItsEventsAsOneBatch() throws Exception {
        saveTemplate("run", "en", "{'en':{'subject':'Order #order.number','text':'Hello #contact_information.name'},"
                + "'da':{'subject':'Ordre #order.number','text':'Hej #contact_information.name, din ordre er klar.'}}");
        saveRule("run", "order.run", "run");
        String søren = unique("soren") + "@example.dk";
        String ann = unique("ann") + "@example.com";
        String batch = "{\"events\":[" + eventJson(unique("run"), "order.run", "B-1", "Søren Ærø", søren, "da") + ","
                + eventJson(unique("run"), "order.run", "B-2", "Ann", ann, "en") + "]}";
        Api.Response posted = api().post("/events/batch", batch);
        assertEquals(posted.raw(), 202, posted.status());
        assertEquals(2, posted.body().get("results").size());
        assertEquals("Ordre B-1", awaitMessage(søren).getSubject());
        assertTrue(bodyOf(awaitMessage(søren)), bodyOf(awaitMessage(søren)).contains("Hej Søren Ærø, din ordre er klar."));
        assertEquals("Order B-2", awaitMessage(ann).getSubject());

        // one bad event refuses the whole batch, naming its place
        String other = unique("none") + "@example.com";
        Api.Response refused = api().post("/events/batch", "{\"events\":[" + eventJson(unique("run"), "order.run",
                "B-3", "Ann", other, "en") + "," + eventJson("", "order.run", "B-4", "Ann", other, "en") + "]}");
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals("events[1].id", refused.body().get("field").asText());
        assertEquals(0, api().get("/communications?contact=" + other).body().size());
    }

    @Test
    public void anInvalidTemplateIsRejectedWithLineAndColumn() {
        Api.Response unknownTag = api().post("/templates", Api.json("{'key':'broken-tag','name':'Broken','medium':'EMAIL',"
                + "'defaultLanguage':'en','contents':{'en':{'subject':'Hi','text':'Line one\\nDear #contact_information.nmae'}}}"));
        assertEquals(unknownTag.raw(), 400, unknownTag.status());
        assertEquals(2, unknownTag.body().get("line").asInt());
        assertEquals(6, unknownTag.body().get("column").asInt());
        assertTrue(unknownTag.raw(), unknownTag.body().get("error").asText().contains("contact_information.nmae"));

        Api.Response syntax = api().post("/templates", Api.json("{'key':'broken-syntax','name':'Broken','medium':'EMAIL',"
                + "'defaultLanguage':'en','contents':{'en':{'subject':'Hi','html':'<p>ok</p>\\n<p>#if($x</p>'}}}"));
        assertEquals(syntax.raw(), 400, syntax.status());
        assertEquals(2, syntax.body().get("line").asInt());
        assertTrue(syntax.raw(), syntax.body().get("column").asInt() > 0);
        assertTrue(syntax.raw(), syntax.body().get("field").asText().contains("contents.en.html"));
        assertEquals(404, api().get("/templates/broken-syntax").status());
    }

    @Test
    public void withTheDevboxOffAStoppedChannelKeepsTheMessageQueuedUntilItReturns() throws Exception {
        setDevbox(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> channel("devbox") == null);
        saveTemplate("queued", "en", "{'en':{'subject':'Order #order.number','text':'Hello #contact_information.name'}}");
        saveRule("queued", "order.queued", "queued");

        Bundle smtpBundle = bundle("io.tidings.channel.smtp");
        smtpBundle.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> channel("smtp-itest") == null);
            String address = unique("queued") + "@example.com";
            Api.Response posted = postEvent(unique("e"), "order.queued", "Q-1", "Queued Person", address, "en");
            assertEquals(202, posted.status());
            String id = posted.body().get("communications").get(0).asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode c = api().get("/communications/" + id).body();
                return "QUEUED".equals(c.get("status").asText()) && "no channel".equals(c.get("statusReason").asText());
            });
            assertTrue(messagesTo(address).isEmpty());

            smtpBundle.start();
            awaitStatus(id, Duration.ofSeconds(60), "SENT");
            assertEquals(1, awaitMessages(address, 1).size());
        } finally {
            if (smtpBundle.getState() != Bundle.ACTIVE) {
                smtpBundle.start();
            }
            setDevbox(true);
        }
    }

    @Test
    public void theDemoShowsARenderedMessageInTheDevbox() throws Exception {
        setDevbox(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> channel("devbox") != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/rules/order-ready").status() == 200);
        String phone = "+380671234567";
        String email = unique("demo") + "@example.com";
        String event = Api.json("{'id':'" + unique("demo") + "','type':'order.status_changed','occurredAt':'2026-11-23T10:00:00+02:00',"
                + "'location':'kyiv','entity':{'type':'order','id':'D-7'},'data':{"
                + "'order':{'number':'D-7','status':'ready','total':1250.5},'location':{'name':'Сервіс на Хрещатику'},"
                + "'contact_information':{'name':'Тарас Шевченко','email':'" + email + "','phone':'" + phone
                + "','preferred_language':'uk','consent':{'email':true,'sms':true}}}}");
        Api.Response posted = api().post("/events", event);
        assertEquals(posted.raw(), 202, posted.status());
        assertEquals(2, posted.body().get("communications").size());

        // SMS has no channel but the devbox: it lands there, rendered in Ukrainian
        await().atMost(Duration.ofSeconds(30)).until(() -> devboxTextTo(phone) != null);
        assertEquals("Ваше замовлення D-7 готове. Чекаємо на вас у Сервіс на Хрещатику.", devboxTextTo(phone));
        // email has a real channel with a higher priority
        MimeMessage mail = awaitMessage(email);
        assertEquals("Ваше замовлення D-7 готове", mail.getSubject());
    }

    // ---- helpers

    private String devboxTextTo(String recipient) {
        for (JsonNode message : api().get("/devbox/messages").body()) {
            if (recipient.equals(message.get("recipient").asText())) {
                return message.get("text").asText();
            }
        }
        return null;
    }

    @Test
    public void anAttachmentFromTheEventAndAnInlineImageFromAUrlArriveInTheEmail() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        org.osgi.framework.ServiceRegistration<javax.servlet.Servlet> files = serve("/itest-files/*", (req, resp) -> {
                    resp.setContentType("image/png");
                    resp.getOutputStream().write(png);
                });
        try {
            String logoUrl = httpUrl("/itest-files/logo.png");
            Api.Response template = api().put("/templates/bill-files", Api.json("{'key':'bill-files','name':'Bill',"
                    + "'medium':'EMAIL','defaultLanguage':'uk','contents':{'uk':{'subject':'Рахунок #order.number',"
                    + "'html':'<p>Шановний #contact_information.name, рахунок у вкладенні.</p><img src=\\'cid:logo\\'>'}},"
                    + "'attachments':[{'filename':'Рахунок №42 — août.pdf','field':'bill.pdf','contentType':'application/pdf'},"
                    + "{'filename':'logo.png','url':'" + logoUrl + "','inline':true,'contentId':'logo'}]}"));
            assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
            assertEquals(2, api().get("/templates/bill-files").body().get("attachments").size());
            saveRule("bill-files", "order.bill_issued", "bill-files");

            String pdf = "%PDF-1.4 Рахунок";
            String email = unique("bill") + "@example.com";
            Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("e") + "','type':'order.bill_issued',"
                    + "'occurredAt':'2026-11-23T09:15:00+02:00','entity':{'type':'order','id':'B-42'},'data':{"
                    + "'order':{'number':'B-42'},'bill':{'pdf':{'base64':'" + java.util.Base64.getEncoder().encodeToString(
                            pdf.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "'}},"
                    + "'contact_information':{'name':'Олена','email':'" + email + "','preferred_language':'uk',"
                    + "'consent':{'email':true}}}}"));
            assertEquals(posted.raw(), 202, posted.status());

            MimeMessage message = awaitMessage(email);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(MimeMessage.class.getClassLoader());
            try {
                javax.mail.internet.MimeMultipart mixed = (javax.mail.internet.MimeMultipart) message.getContent();
                String attachmentName = null;
                byte[] attachment = null;
                byte[] image = null;
                for (int i = 0; i < mixed.getCount(); i++) {
                    javax.mail.internet.MimeBodyPart part = (javax.mail.internet.MimeBodyPart) mixed.getBodyPart(i);
                    if (javax.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        attachmentName = javax.mail.internet.MimeUtility.decodeText(part.getFileName());
                        attachment = part.getInputStream().readAllBytes();
                    } else if (part.getContent() instanceof javax.mail.internet.MimeMultipart related) {
                        for (int j = 0; j < related.getCount(); j++) {
                            javax.mail.internet.MimeBodyPart inner = (javax.mail.internet.MimeBodyPart) related.getBodyPart(j);
                            if ("<logo>".equals(inner.getContentID())) {
                                image = inner.getInputStream().readAllBytes();
                            }
                        }
                    }
                }
                assertEquals("Рахунок №42 — août.pdf", attachmentName);
                assertEquals(pdf, new String(attachment, java.nio.charset.StandardCharsets.UTF_8));
                assertTrue("the inline image, fetched from its URL", java.util.Arrays.equals(png, image));
            } finally {
                thread.setContextClassLoader(previous);
            }

            // an event without the file fails that message with the reason, and SMS templates refuse files
            Api.Response missing = api().post("/events", Api.json("{'id':'" + unique("e") + "','type':'order.bill_issued',"
                    + "'occurredAt':'2026-11-23T09:15:00+02:00','entity':{'type':'order','id':'B-43'},'data':{"
                    + "'order':{'number':'B-43'},'contact_information':{'name':'Олена','email':'" + email + "',"
                    + "'consent':{'email':true}}}}"));
            String failed = missing.body().get("communications").get(0).asText();
            awaitStatus(failed, Duration.ofSeconds(60), "FAILED");
            String reason = api().get("/communications/" + failed).body().get("statusReason").asText();
            assertTrue(reason, reason.contains("bill.pdf"));
            Api.Response sms = api().put("/templates/sms-files", Api.json("{'key':'sms-files','name':'SMS','medium':'SMS',"
                    + "'defaultLanguage':'uk','contents':{'uk':{'text':'Рахунок'}},"
                    + "'attachments':[{'filename':'a.pdf','field':'bill.pdf'}]}"));
            assertEquals(sms.raw(), 400, sms.status());
            assertEquals("attachments", sms.body().get("field").asText());
        } finally {
            files.unregister();
        }
    }

    @Test
    public void aMarketingEmailCarriesAOneClickUnsubscribeThatOptsTheRecipientOut() throws Exception {
        org.osgi.service.cm.Configuration links = configurationAdmin.getConfiguration("io.tidings.links", "?");
        Hashtable<String, Object> linkProps = new Hashtable<>();
        linkProps.put("baseUrl", httpUrl(""));
        links.update(linkProps);
        saveTemplate("offer-mail", "fr", "{'fr':{'subject':'Offre du mois','html':'<p>Bonjour #contact_information.name, "
                + "-20 % sur les réparations ! <a href=\\'#dynamic_link.opt_out_direct_marketing\\'>Se désinscrire</a></p>'}}");
        Api.Response rule = api().put("/rules/offer-mail", Api.json("{'key':'offer-mail','name':'Offer','event':'campaign.offer',"
                + "'templates':['offer-mail'],'recipients':['contact_information'],'purpose':'MARKETING'}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
        String base = httpUrl("/tidings/links/");
        // the link configuration applies within moments: a preview shows when
        await().atMost(Duration.ofSeconds(30)).until(() -> api().post("/templates/offer-mail/preview",
                Api.json("{'language':'fr','data':{}}")).raw().contains(base));
        String email = unique("offer") + "@example.fr";
        String id = unique("e");
        Api.Response posted = api().post("/events", Api.json("{'id':'" + id + "','type':'campaign.offer',"
                + "'occurredAt':'2026-11-23T09:15:00+01:00','entity':{'type':'campaign','id':'" + id + "'},'data':{"
                + "'contact_information':{'name':'Amélie Dubois','email':'" + email + "','preferred_language':'fr',"
                + "'consent':{'email':true,'marketing':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        String header = awaitMessage(email).getHeader("List-Unsubscribe", null);
        assertTrue(String.valueOf(header), header != null && header.startsWith("<" + base));
        MimeMessage offer = awaitMessage(email);
        assertEquals("List-Unsubscribe=One-Click", offer.getHeader("List-Unsubscribe-Post", null));
        String url = offer.getHeader("List-Unsubscribe", null).replaceAll("^<|>$", "");

        // what a mail client does on "unsubscribe": POST List-Unsubscribe=One-Click, no login
        java.net.http.HttpResponse<String> oneClick = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(oneClick.body(), 200, oneClick.statusCode());
        assertTrue(oneClick.body(), oneClick.body().contains("désinscrit"));
        assertEquals("OPTED_OUT", api().get("/consent?address=" + email).body().get("purposes").get("MARKETING").asText());

        // a transactional email carries no unsubscribe header
        saveTemplate("receipt-mail", "fr", "{'fr':{'subject':'Reçu #order.number','html':'<p>Merci !</p>'}}");
        saveRule("receipt-mail", "order.paid_receipt", "receipt-mail");
        String receiptTo = unique("receipt") + "@example.fr";
        assertEquals(202, postEvent(unique("e"), "order.paid_receipt", "P-1", "Amélie Dubois", receiptTo, "fr").status());
        assertNull(awaitMessage(receiptTo).getHeader("List-Unsubscribe", null));
    }

    private void saveTemplate(String key, String defaultLanguage, String contents) {
        String body = Api.json("{'key':'" + key + "','name':'" + key + "','medium':'EMAIL','defaultLanguage':'"
                + defaultLanguage + "','contents':" + contents + "}");
        Api.Response response = api().put("/templates/" + key, body);
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }

    private void saveRule(String key, String event, String template) {
        Api.Response response = api().put("/rules/" + key, Api.json("{'key':'" + key + "','name':'" + key + "','event':'"
                + event + "','templates':['" + template + "'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }

    private Api.Response postEvent(String id, String type, String order, String name, String email, String language) {
        return api().post("/events", eventJson(id, type, order, name, email, language));
    }

    private static String eventJson(String id, String type, String order, String name, String email, String language) {
        return Api.json("{'id':'" + id + "','type':'" + type + "','occurredAt':'2026-11-23T09:15:00+01:00',"
                + "'entity':{'type':'order','id':'" + order + "'},'data':{'order':{'number':'" + order + "'},"
                + "'contact_information':{'name':'" + name + "','email':'" + email + "','preferred_language':'" + language
                + "','consent':{'email':true}}}}");
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Mails.to(smtp, address);
    }

    private static List<MimeMessage> awaitMessages(String address, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address);
    }

    private static MimeMessage awaitMessage(String address) {
        List<MimeMessage> messages = awaitMessages(address, 1);
        assertEquals(1, messages.size());
        assertNotNull(messages.get(0));
        return messages.get(0);
    }

    private static String bodyOf(MimeMessage message) {
        return Mails.bodyOf(message);
    }
}
