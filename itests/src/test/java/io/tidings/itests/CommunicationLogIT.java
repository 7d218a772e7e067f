package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.inbound.InboundMessages;
import io.tidings.testing.smsc.TestSmsc;

/**
 * The communication log in Karaf: a phone call logged with its follow-up, the feed of a contact by the
 * host's contact id mixing what Tidings sent, what the contact answered by SMS and a letter logged by
 * hand, and the keywords of incoming SMS (an automatic HELP answer, a custom keyword a rule answers),
 * with replies sent by a real SMPP server (jsmpp's server side) to the SMPP channel.
 */
public class CommunicationLogIT extends TidingsTestSupport {

    private static TestSmsc smsc;

    @Override
    protected String[] features() {
        return new String[] {"tidings", "tidings-channel-devbox", "tidings-channel-smpp"};
    }

    @Before
    public void gateway() throws Exception {
        if (smsc == null) {
            smsc = new TestSmsc();
        }
        setDevbox(true);
        org.osgi.service.cm.Configuration smpp = configurationAdmin.getFactoryConfiguration("io.tidings.channel.smpp",
                "log", "?");
        if (smpp.getProperties() == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("host", "127.0.0.1");
            props.put("port", smsc.port());
            props.put("systemId", "tidings");
            props.put("password", "secret");
            props.put("sourceAddress", "Tidings");
            props.put("reconnectInitialMillis", 200);
            props.put("reconnectMaxMillis", 1000);
            props.put("channel.priority", 20);
            smpp.update(props);
        }
        org.osgi.service.cm.Configuration inbound = configurationAdmin.getConfiguration("io.tidings.inbound", "?");
        if (inbound.getProperties() == null || inbound.getProperties().get("customKeywords") == null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("customKeywords", new String[] {"BOOK"});
            inbound.update(props);
        }
        // the engine answers with the keywords configured
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ServiceReference<InboundMessages> ref = service(InboundMessages.class, null);
            return ref != null && ref.getProperty("customKeywords") instanceof String[] words
                    && Arrays.asList(words).contains("BOOK");
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> available("smpp-log"));
        await().atMost(Duration.ofSeconds(60)).until(() -> smsc.boundSessions() > 0);
        awaitApi();
    }

    @Test
    public void aPhoneCallIsLoggedWithAFollowUpListedAsDueAndCompleted() {
        String category = "billing";
        Api.Response saved = api().post("/communication-categories", Api.json("{'key':'" + category
                + "','name':'Billing'}"));
        assertEquals(saved.raw(), 201, saved.status());
        String contact = unique("C");
        String call = unique("call");
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = "{'id':'" + call + "','medium':'PHONE','direction':'OUTBOUND','state':'COMPLETED',"
                + "'contact':{'id':'" + contact + "','name':'Olena','phone':'+380671112233'},"
                + "'entity':{'type':'bill','id':'B-17'},'category':'" + category + "','subject':'Overdue bill',"
                + "'notes':'Promised to pay on Friday','occurredAt':'2026-11-23T10:00:00+02:00','owner':'anna',"
                + "'followUp':{'dueAt':'" + due + "','owner':'anna','note':'check the payment'}}";
        Api.Response logged = api().post("/communications", Api.json(body));
        assertEquals(logged.raw(), 201, logged.status());
        assertEquals(contact, logged.body().get("contactId").asText());
        assertEquals("anna", logged.body().at("/followUp/owner").asText());
        Api.Response again = api().post("/communications", Api.json(body.replace("Promised", "Refused")));
        assertEquals("the same id records once", 200, again.status());
        assertTrue(again.body().get("duplicate").asBoolean());
        assertEquals("Promised to pay on Friday", api().get("/communications/" + call).body().get("notes").asText());

        Api.Response unknown = api().post("/communications", Api.json("{'id':'" + unique("call")
                + "','medium':'PHONE','direction':'INBOUND','occurredAt':'2026-11-23T10:00:00+02:00',"
                + "'category':'nonsense'}"));
        assertEquals(unknown.raw(), 400, unknown.status());
        assertEquals("category", unknown.body().get("field").asText());

        String later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).toString().replace("+", "%2B");
        List<String> due3h = ids(api().get("/follow-ups?owner=anna&due_before=" + later).body(), "communicationId");
        assertTrue(due3h.toString(), due3h.contains(call));
        String sooner = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString().replace("+", "%2B");
        assertFalse("not due within the hour", ids(api().get("/follow-ups?owner=anna&due_before=" + sooner).body(),
                "communicationId").contains(call));
        assertFalse("another owner's", ids(api().get("/follow-ups?owner=bo").body(), "communicationId").contains(call));

        String callBack = unique("call");
        Api.Response completed = api().post("/communications/" + call + "/follow-up/complete", Api.json("{'id':'"
                + callBack + "','medium':'PHONE','direction':'OUTBOUND','notes':'Paid; thanked her',"
                + "'occurredAt':'2026-11-27T11:00:00+02:00'}"));
        assertEquals(completed.raw(), 200, completed.status());
        assertEquals(callBack, completed.body().get("completedAs").asText());
        assertFalse(ids(api().get("/follow-ups?owner=anna").body(), "communicationId").contains(call));
        JsonNode recorded = api().get("/communications/" + callBack).body();
        assertEquals(call, recorded.get("followUpOf").asText());
        assertEquals(List.of(call), texts(recorded.get("related")));
        assertEquals("the contact of the call followed", contact, recorded.get("contactId").asText());
        Api.Response twice = api().post("/communications/" + call + "/follow-up/complete", Api.json("{'id':'"
                + unique("call") + "','medium':'PHONE','direction':'OUTBOUND','occurredAt':'2026-11-27T11:00:00+02:00'}"));
        assertEquals(twice.raw(), 409, twice.status());

        List<String> feed = ids(api().get("/feed?contactId=" + contact).body().get("items"), "id");
        assertEquals(List.of(callBack, call), feed);
    }

    @Test
    public void anEmailDraftIsEditedThenCompletedAndSentThroughTheQueue() {
        String contact = unique("C");
        String draft = unique("draft");
        String address = draft + "@example.com";
        Api.Response logged = api().post("/communications", Api.json("{'id':'" + draft + "','medium':'EMAIL',"
                + "'direction':'OUTBOUND','state':'DRAFT','contact':{'id':'" + contact + "','email':'" + address
                + "','consent':{'email':true}},'subject':'Your quote','notes':'first words'}"));
        assertEquals(logged.raw(), 201, logged.status());
        assertEquals("DRAFT", logged.body().get("state").asText());
        assertEquals("a draft is not in the feed", 0,
                api().get("/feed?contactId=" + contact).body().get("items").size());

        String edited = "{'medium':'EMAIL','direction':'OUTBOUND','state':'DRAFT','contact':{'id':'" + contact
                + "','email':'" + address + "','consent':{'email':true}},'subject':'Your quote','notes':'The quote is 120 EUR.'}";
        Api.Response changed = api().put("/communications/" + draft, Api.json(edited));
        assertEquals(changed.raw(), 200, changed.status());
        assertEquals("The quote is 120 EUR.", changed.body().get("notes").asText());

        Api.Response letter = api().put("/communications/" + draft, Api.json(edited.replace("'medium':'EMAIL'",
                "'medium':'LETTER'").replace("'state':'DRAFT'", "'state':'COMPLETED','send':true")));
        assertEquals("a letter is logged, not sent", 400, letter.status());
        assertEquals("send", letter.body().get("field").asText());

        Api.Response sent = api().put("/communications/" + draft, Api.json(edited.replace("'state':'DRAFT'",
                "'state':'COMPLETED','send':true")));
        assertEquals(sent.raw(), 200, sent.status());
        assertEquals("COMPLETED", sent.body().get("state").asText());
        String message = sent.body().get("sentAs").asText();
        awaitStatus(message, Duration.ofSeconds(60), "SENT", "DELIVERED");
        JsonNode communication = api().get("/communications/" + message).body();
        assertEquals(address, communication.get("recipient").asText());
        assertEquals("Your quote", communication.get("subject").asText());

        Api.Response again = api().put("/communications/" + draft, Api.json(edited));
        assertEquals("completed: no longer editable", 400, again.status());
        assertEquals("state", again.body().get("field").asText());
        List<JsonNode> feed = new ArrayList<>();
        api().get("/feed?contactId=" + contact).body().get("items").forEach(feed::add);
        assertEquals("the message sent stands for the draft", 1, feed.size());
        assertEquals(message, feed.get(0).get("id").asText());
        assertEquals("sent", feed.get(0).get("type").asText());
    }

    @Test
    public void aFeedByContactIdMixesASentEmailAnSmsReplyAndALetterInOrder() throws Exception {
        Api.Response email = api().put("/templates/log-email", Api.json("{'key':'log-email','name':'Log email',"
                + "'medium':'EMAIL','defaultLanguage':'en','contents':{'en':{'subject':'Order #order.number',"
                + "'text':'Your order #order.number is ready'}}}"));
        assertTrue(email.raw(), email.status() == 200 || email.status() == 201);
        Api.Response sms = api().put("/templates/log-sms", Api.json("{'key':'log-sms','name':'Log SMS',"
                + "'medium':'SMS','defaultLanguage':'en','contents':{'en':{'text':'Order #order.number is ready'}}}"));
        assertTrue(sms.raw(), sms.status() == 200 || sms.status() == 201);
        Api.Response rule = api().put("/rules/log-ready", Api.json("{'key':'log-ready','name':'Log ready',"
                + "'event':'order.log_ready','templates':['log-email','log-sms'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);

        String contact = unique("C");
        String phone = phone();
        String order = unique("O");
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("evt") + "','type':'order.log_ready',"
                + "'occurredAt':'2026-11-23T09:15:00+02:00','entity':{'type':'order','id':'" + order + "'},"
                + "'data':{'order':{'number':'" + order + "'},'contact_information':{'id':'" + contact + "',"
                + "'name':'Ann','email':'ann-" + order + "@example.com','phone':'+" + phone + "',"
                + "'consent':{'email':true,'sms':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        List<String> sent = texts(posted.body().get("communications"));
        assertEquals(2, sent.size());
        for (String id : sent) {
            awaitStatus(id, Duration.ofSeconds(90), "SENT", "DELIVERED");
        }
        assertEquals("the record by contact id", new java.util.TreeSet<>(sent), new java.util.TreeSet<>(
                ids(api().get("/communications?contactId=" + contact).body(), "id")));

        smsc.reply(phone, "Thanks, I will come at 5");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api().get("/feed?contactId=" + contact).body().get("items").size() == 3);
        String letter = unique("letter");
        Api.Response logged = api().post("/communications", Api.json("{'id':'" + letter + "','medium':'LETTER',"
                + "'direction':'OUTBOUND','contact':{'id':'" + contact + "','name':'Ann'},"
                + "'entity':{'type':'order','id':'" + order + "'},'subject':'Warranty card','notes':'Posted',"
                + "'occurredAt':'" + OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5) + "'}"));
        assertEquals(logged.raw(), 201, logged.status());

        JsonNode feed = api().get("/feed?contactId=" + contact).body();
        List<String> types = ids(feed.get("items"), "type");
        assertEquals(List.of("manual", "received", "sent", "sent"), types);
        JsonNode items = feed.get("items");
        assertEquals(letter, items.get(0).get("id").asText());
        assertEquals("LETTER", items.get(0).get("medium").asText());
        assertEquals("SMS", items.get(1).get("medium").asText());
        assertEquals("INBOUND", items.get(1).get("direction").asText());
        assertEquals("Thanks, I will come at 5", items.get(1).get("text").asText());
        assertEquals("the reply is the order's, as the message it answers", order,
                items.get(1).at("/entity/id").asText());
        assertEquals(new java.util.TreeSet<>(List.of("EMAIL", "SMS")), new java.util.TreeSet<>(List.of(
                items.get(2).get("medium").asText(), items.get(3).get("medium").asText())));
        // paging: offset and limit over the same order
        JsonNode page = api().get("/feed?contactId=" + contact + "&offset=1&limit=2").body();
        assertEquals(List.of(items.get(1).get("id").asText(), items.get(2).get("id").asText()),
                ids(page.get("items"), "id"));
        assertEquals(3, page.get("next").asInt());
        assertEquals("the feed of the order holds the same", 4,
                api().get("/feed?entityType=order&entityId=" + order).body().get("items").size());
        Api.Response neither = api().get("/feed");
        assertEquals(400, neither.status());
        assertEquals("contactId", neither.body().get("field").asText());
    }

    @Test
    public void anInboundHelpIsAnsweredAutomaticallyAndACustomKeywordRaisesAnEventARuleAnswers() throws Exception {
        Api.Response template = api().put("/templates/log-book", Api.json("{'key':'log-book','name':'Booking answer',"
                + "'medium':'SMS','defaultLanguage':'en','contents':{'en':{'text':'We will call you to book a visit.'}}}"));
        assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
        Api.Response rule = api().put("/rules/log-book", Api.json("{'key':'log-book','name':'Answer BOOK',"
                + "'event':'sms.reply_received','templates':['log-book'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);

        String helpPhone = phone();
        smsc.reply(helpPhone, "help");
        TestSmsc.Received help = awaitArrival(helpPhone, "Reply STOP");
        assertEquals("Reply STOP to stop offers, START to get them again. Order messages still come.", help.text());

        String bookPhone = phone();
        smsc.reply(bookPhone, "Book please, tomorrow");
        TestSmsc.Received answer = awaitArrival(bookPhone, "We will call you");
        assertEquals("We will call you to book a visit.", answer.text());
        // the answer is a communication of the rule, about the reply's event
        List<String> answers = ids(api().get("/communications?contact=%2B" + bookPhone).body(), "rule");
        assertTrue(answers.toString(), answers.contains("log-book"));
    }

    // ---- helpers

    /** A Ukrainian mobile number no other test uses, in international form without the +. */
    private static String phone() {
        return "38067" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    private static TestSmsc.Received awaitArrival(String destination, String start) {
        await().atMost(Duration.ofSeconds(60)).until(() -> arrival(destination, start) != null);
        return arrival(destination, start);
    }

    private static TestSmsc.Received arrival(String destination, String start) {
        return smsc.received.stream().filter(r -> r.destination().equals(destination) && r.text().startsWith(start))
                .findFirst().orElse(null);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
