package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Booking notifications in a real Karaf, on the real clock: the confirmation goes now, the reminder
 * at its moment before the start; a reschedule moves the reminder, a cancellation cancels it and
 * sends the cancellation. Messages are read from the devbox.
 */
public class BookingRemindersIT extends TidingsTestSupport {

    @Before
    public void bookingRules() {
        awaitApi();
        template("bk-confirmed", "Booking #booking.number confirmed");
        template("bk-reminder", "Reminder: booking #booking.number");
        template("bk-cancelled", "Booking #booking.number cancelled");
        rule("bk-confirmed", "{'key':'bk-confirmed','name':'Confirmed','event':'booking.confirmed','templates':['bk-confirmed']}");
        rule("bk-reminder", "{'key':'bk-reminder','name':'Reminder','event':'booking.confirmed','templates':['bk-reminder'],"
                + "'reminder':{'field':'booking.start_at','before':'PT60S'}}");
        rule("bk-cancelled", "{'key':'bk-cancelled','name':'Cancelled','event':'booking.cancelled','templates':['bk-cancelled']}");
    }

    @Test
    public void theConfirmationGoesNowTheReminderAtItsMomentAndARescheduleMovesIt() {
        String booking = unique("B");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(100);
        assertEquals(202, post(booking, "booking.confirmed", start).status());

        await().atMost(Duration.ofSeconds(30)).until(() -> devboxHas("Booking " + booking + " confirmed"));
        JsonNode reminder = await().atMost(Duration.ofSeconds(10)).until(() -> communication(booking, "bk-reminder"),
                c -> c != null);
        assertEquals("SCHEDULED", reminder.get("status").asText());
        assertEquals(start.minusSeconds(60), Instant.parse(reminder.get("notBefore").asText()));

        Instant moved = start.plusSeconds(15);
        assertEquals(202, post(booking, "booking.rescheduled", moved).status());
        await().atMost(Duration.ofSeconds(10)).until(
                () -> Instant.parse(communication(booking, "bk-reminder").get("notBefore").asText()).equals(moved.minusSeconds(60)));
        assertEquals("SCHEDULED", communication(booking, "bk-reminder").get("status").asText());

        await().atMost(Duration.ofSeconds(120)).until(() -> "SENT".equals(communication(booking, "bk-reminder").get("status").asText()));
        JsonNode sent = communication(booking, "bk-reminder");
        assertFalse("not before its moment", Instant.parse(sent.get("sentAt").asText()).isBefore(moved.minusSeconds(60)));
        assertTrue(devboxHas("Reminder: booking " + booking));
    }

    @Test
    public void aCancellationCancelsThePendingReminderAndSendsTheCancellation() {
        String booking = unique("C");
        Instant start = Instant.now().plus(Duration.ofHours(3));
        assertEquals(202, post(booking, "booking.confirmed", start).status());
        JsonNode reminder = await().atMost(Duration.ofSeconds(10)).until(() -> communication(booking, "bk-reminder"),
                c -> c != null && "SCHEDULED".equals(c.get("status").asText()));

        assertEquals(202, post(booking, "booking.cancelled", start).status());
        await().atMost(Duration.ofSeconds(10)).until(
                () -> "CANCELLED".equals(communication(booking, "bk-reminder").get("status").asText()));
        assertTrue(communication(booking, "bk-reminder").get("statusReason").asText().contains("booking.cancelled"));
        await().atMost(Duration.ofSeconds(30)).until(() -> devboxHas("Booking " + booking + " cancelled"));
        assertFalse(devboxHas("Reminder: booking " + booking));
        assertEquals(reminder.get("id").asText(), communication(booking, "bk-reminder").get("id").asText());
    }

    @Test
    public void explainSaysPerRuleWhyAndWhenWithoutStoringAnything() {
        String booking = unique("E");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(5));
        Api.Response explained = api().post("/rules/explain", event(booking, "booking.confirmed", start, false));
        assertEquals(explained.raw(), 200, explained.status());
        JsonNode reminder = plan(explained.body(), "bk-reminder");
        assertTrue(reminder.get("matched").asBoolean());
        assertEquals(start.minusSeconds(60), Instant.parse(reminder.get("messages").get(0).get("notBefore").asText()));
        assertEquals("no consent for EMAIL (contact_information.consent.email)",
                reminder.get("messages").get(0).get("suppressed").asText());
        JsonNode cancelled = plan(explained.body(), "bk-cancelled");
        assertFalse(cancelled.get("matched").asBoolean());
        assertTrue(cancelled.get("reason").asText(), cancelled.get("reason").asText().contains("booking.cancelled"));
        assertEquals("a dry run stores nothing", 0,
                api().get("/communications?entityType=booking&entityId=" + booking).body().size());
    }

    @Test
    public void bulkCopiesToLocationsAndRefusesAWholeSelectionWithAnUnknownRule() {
        Api.Response copied = api().post("/rules/bulk",
                Api.json("{'rules':['bk-confirmed','bk-cancelled'],'action':'copyToLocations','locations':['lviv']}"));
        assertEquals(copied.raw(), 200, copied.status());
        JsonNode lviv = api().get("/rules/bk-confirmed-lviv").body();
        assertEquals("lviv", lviv.get("locations").get(0).asText());
        assertEquals(200, api().get("/rules/bk-cancelled-lviv").status());

        Api.Response refused = api().post("/rules/bulk",
                Api.json("{'rules':['bk-confirmed-lviv','no-such-rule'],'action':'delete'}"));
        assertEquals(refused.raw(), 400, refused.status());
        assertEquals("nothing half-applied", 200, api().get("/rules/bk-confirmed-lviv").status());

        Api.Response deleted = api().post("/rules/bulk",
                Api.json("{'rules':['bk-confirmed-lviv','bk-cancelled-lviv'],'action':'delete'}"));
        assertEquals(deleted.raw(), 200, deleted.status());
        assertEquals(404, api().get("/rules/bk-confirmed-lviv").status());
        assertEquals(404, api().get("/rules/bk-cancelled-lviv").status());
    }

    // ---- helpers

    private static JsonNode plan(JsonNode plans, String rule) {
        for (JsonNode plan : plans) {
            if (rule.equals(plan.get("rule").asText())) {
                return plan;
            }
        }
        throw new AssertionError("no plan for " + rule + " in " + plans);
    }

    private void template(String key, String subject) {
        Api.Response r = api().put("/templates/" + key, Api.json("{'key':'" + key + "','name':'" + key
                + "','medium':'EMAIL','defaultLanguage':'en','contents':{'en':{'subject':'" + subject
                + "','text':'Dear #contact_information.name, booking #booking.number'}}}"));
        assertTrue(r.raw(), r.status() == 200 || r.status() == 201);
    }

    private void rule(String key, String json) {
        Api.Response r = api().put("/rules/" + key, Api.json(json));
        assertTrue(r.raw(), r.status() == 200 || r.status() == 201);
    }

    private Api.Response post(String booking, String type, Instant start) {
        return api().post("/events", event(booking, type, start, true));
    }

    private static String event(String booking, String type, Instant start, boolean consent) {
        String startAt = OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(1)).toString();
        return Api.json("{'id':'" + unique("evt") + "','type':'" + type + "','occurredAt':'"
                + OffsetDateTime.now(ZoneOffset.UTC) + "','entity':{'type':'booking','id':'" + booking + "'},'data':{"
                + "'booking':{'number':'" + booking + "','start_at':'" + startAt + "'},"
                + "'contact_information':{'name':'Mette Frederiksen','email':'" + booking.toLowerCase()
                + "@example.com','preferred_language':'da','consent':{'email':" + consent + "}}}}");
    }

    private JsonNode communication(String booking, String template) {
        for (JsonNode c : api().get("/communications?entityType=booking&entityId=" + booking).body()) {
            if (template.equals(c.get("template").asText())) {
                return c;
            }
        }
        return null;
    }

    private boolean devboxHas(String subject) {
        for (JsonNode m : api().get("/devbox/messages?limit=1000").body()) {
            if (subject.equals(m.get("subject").asText())) {
                return true;
            }
        }
        return false;
    }
}
