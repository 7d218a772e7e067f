package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Digests in a real Karaf with a real SMTP server (GreenMail in the container): five order events of
 * one contact within a digest window arrive as one Danish email listing the five orders, recorded as
 * one SENT communication; an order cancelled within its window leaves the digest, and a digest left
 * with no order is CANCELLED. Explain says whether an event opens or joins a window.
 */
public class DigestIT extends SmtpTestSupport {

    @Before
    public void smtpChannelTemplateAndRules() throws Exception {
        smtpChannel("digest");
        ok(api().put("/templates/order-digest", Api.json("{'key':'order-digest','name':'Ordreoversigt','medium':'EMAIL',"
                + "'defaultLanguage':'da','contents':{'da':{'subject':'#digest.count ordrer er opdateret',"
                + "'text':'Kære #contact_information.name\\n#foreach($item in #digest.items)- Ordre $item.order.number\\n"
                + "#end\\nVenlig hilsen, Ærø Cykler'}}}")));
        ok(api().put("/rules/order-digest", Api.json("{'key':'order-digest','name':'Ordrer samlet','event':"
                + "'order.status_changed','templates':['order-digest'],'purpose':'TRANSACTIONAL',"
                + "'digest':{'window':'PT5S'}}")));
        ok(api().put("/rules/order-digest-long", Api.json("{'key':'order-digest-long','name':'Bekræftelser samlet',"
                + "'event':'order.confirmed','templates':['order-digest'],'purpose':'TRANSACTIONAL',"
                + "'digest':{'window':'PT20S'}}")));
    }

    @Test
    public void fiveOrderEventsWithinAWindowArriveAsOneEmailListingThemAll() throws Exception {
        String email = unique("soren") + "@example.dk";
        List<String> orders = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String order = unique("ORD");
            orders.add(order);
            ids.add(unique("e"));
            events.add(order(ids.get(i - 1), "order.status_changed", order, email));
        }
        JsonNode explained = api().post("/rules/explain", events.get(0)).body();
        assertTrue(explained.toString(), reasonOf(explained, "order-digest").startsWith("opens a digest window until "));

        // one batch: the five are certain to arrive within the window, however loaded the machine is
        Api.Response posted = api().post("/events/batch", Api.json("{'events':[" + String.join(",", events) + "]}"));
        assertEquals(posted.raw(), 202, posted.status());
        JsonNode joined = api().post("/rules/explain", order(unique("e"), "order.status_changed", unique("ORD"), email))
                .body();

        await().atMost(Duration.ofSeconds(60)).until(() -> !Mails.to(smtp, email).isEmpty());
        List<MimeMessage> received = Mails.to(smtp, email);
        assertEquals(1, received.size());
        assertEquals("5 ordrer er opdateret", received.get(0).getSubject());
        String body = text(received.get(0));
        assertTrue(body, body.startsWith("Kære Søren Ærø\n"));
        for (String order : orders) {
            assertTrue(order + " is missing: " + body, body.contains("- Ordre " + order + "\n"));
        }
        assertTrue(body, body.contains("Venlig hilsen, Ærø Cykler"));

        JsonNode record = api().get("/communications?contact=" + email).body();
        assertEquals(record.toString(), 1, record.size());
        String id = record.get(0).get("id").asText();
        awaitStatus(id, Duration.ofSeconds(30), "SENT");
        JsonNode digest = api().get("/communications/" + id).body();
        assertEquals(digest.toString(), "order-digest", digest.get("rule").asText());
        // the record keeps what was sent, and the five events the digest gathered
        assertEquals("5 ordrer er opdateret", digest.get("subject").asText());
        assertEquals(digest.toString(), 5, digest.get("digest").get("count").asInt());
        List<String> gathered = new ArrayList<>();
        digest.get("digest").get("events").forEach(e -> gathered.add(e.asText()));
        assertEquals(ids, gathered);
        String joinedReason = reasonOf(joined, "order-digest");
        assertTrue(joinedReason, joinedReason.startsWith("joins the digest window open until ")
                || joinedReason.startsWith("opens a digest window until "));
    }

    @Test
    public void anOrderCancelledWithinTheWindowLeavesTheDigestAndAnEmptyDigestIsCancelled() {
        String email = unique("ida") + "@example.dk";
        String kept = unique("ORD");
        String cancelled = unique("ORD");
        String alsoKept = unique("ORD");
        Api.Response posted = api().post("/events/batch", Api.json("{'events':[" + order(unique("e"), "order.confirmed",
                kept, email) + "," + order(unique("e"), "order.confirmed", cancelled, email) + ","
                + order(unique("e"), "order.confirmed", alsoKept, email) + "]}"));
        assertEquals(posted.raw(), 202, posted.status());
        String alone = unique("nina") + "@example.dk";
        String only = unique("ORD");
        String lonely = api().post("/events", order(unique("e"), "order.confirmed", only, alone)).body()
                .get("communications").get(0).asText();

        assertEquals(202, api().post("/events", cancel(cancelled)).status());
        assertEquals(202, api().post("/events", cancel(only)).status());
        JsonNode emptied = api().get("/communications/" + lonely).body();
        assertFalse("a digest with no event left lists none", emptied.has("digest"));
        assertEquals(emptied.toString(), "CANCELLED", emptied.get("status").asText());
        assertTrue(emptied.toString(), emptied.get("statusReason").asText().contains("order.cancelled"));

        await().atMost(Duration.ofSeconds(90)).until(() -> !Mails.to(smtp, email).isEmpty());
        MimeMessage message = Mails.to(smtp, email).get(0);
        String body = text(message);
        assertTrue(body, body.contains("- Ordre " + kept + "\n") && body.contains("- Ordre " + alsoKept + "\n"));
        assertFalse(body, body.contains(cancelled));
        assertEquals(1, Mails.to(smtp, email).size());
        assertTrue(Mails.to(smtp, alone).isEmpty());
        assertEquals("CANCELLED", status(lonely));
    }

    @Test
    public void aDigestWindowMustBePositiveAndAtMostAWeek() {
        Api.Response refused = api().put("/rules/order-digest", Api.json("{'key':'order-digest','name':'x','event':"
                + "'order.status_changed','templates':['order-digest'],'digest':{'window':'P8D'}}"));
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals("digest.window", refused.body().get("field").asText());
        assertEquals("PT5S", api().get("/rules/order-digest").body().get("digest").get("window").asText());
    }

    // ---- helpers

    /** The email's text with its lines ended as the template ends them (mail sends CRLF). */
    private static String text(MimeMessage message) {
        return Mails.bodyOf(message).replace("\r\n", "\n");
    }

    private static String reasonOf(JsonNode plans, String rule) {
        for (JsonNode plan : plans) {
            if (rule.equals(plan.get("rule").asText())) {
                return plan.get("reason").asText();
            }
        }
        throw new AssertionError("explain has no plan of " + rule + ": " + plans);
    }

    private static String order(String id, String type, String order, String email) {
        return Api.json("{'id':'" + id + "','type':'" + type + "','occurredAt':'" + OffsetDateTime.now() + "',"
                + "'entity':{'type':'order','id':'" + order + "'},'data':{'order':{'number':'" + order + "'},"
                + "'contact_information':{'name':'" + (email.startsWith("soren") ? "Søren Ærø" : "Ida Ørsted")
                + "','email':'" + email + "','preferred_language':'da','consent':{'email':true}}}}");
    }

    private static String cancel(String order) {
        return Api.json("{'id':'" + unique("c") + "','type':'order.cancelled','occurredAt':'" + OffsetDateTime.now()
                + "','entity':{'type':'order','id':'" + order + "'},'data':{'order':{'number':'" + order + "'}}}");
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
