package io.tidings.rest.resource;

import static io.tidings.rest.fixture.Texts.DA_NAME;
import static io.tidings.rest.fixture.Texts.DA_SUBJECT;
import static io.tidings.rest.fixture.Texts.DA_TEXT;
import static io.tidings.rest.fixture.Texts.FR_SUBJECT;
import static io.tidings.rest.fixture.Texts.FR_TEXT;
import static io.tidings.rest.fixture.Texts.UK_NAME;
import static io.tidings.rest.fixture.Texts.UK_SUBJECT;
import static io.tidings.rest.fixture.Texts.UK_TEXT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.template.Template;
import io.tidings.rest.fixture.InMemoryArchive;
import io.tidings.rest.fixture.InMemoryNotifications;
import io.tidings.rest.fixture.InMemoryRules;
import io.tidings.rest.fixture.InMemoryTemplates;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;

public class TidingsApiTest {

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);
    private final InMemoryNotifications notifications = new InMemoryNotifications();
    private final InMemoryTemplates templates = new InMemoryTemplates();

    @Before
    public void bind() {
        services.setNotifications(notifications);
        services.setTemplates(templates);
        services.setAudit(new io.tidings.rest.fixture.InMemoryAudit());
        services.setRules(new InMemoryRules(templates));
    }

    private ApiResponse call(String method, String pathAndQuery, String body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, List<String>> query = ApiRequest.parseQuery(q < 0 ? null : pathAndQuery.substring(q + 1));
        return api.handle(new ApiRequest(method, path, query, body == null ? null : "application/json; charset=UTF-8",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "karaf", Set.of("tidings-admin")));
    }

    /** The body as a client receives it, through the serialiser. */
    private static JsonNode body(ApiResponse response) {
        return JsonCodec.parse("application/json", JsonCodec.write(response.body()));
    }

    private static void assertError(ApiResponse response, int status, String field) {
        assertEquals(String.valueOf(response.body()), status, response.status());
        assertTrue(response.body().get("error").textValue().length() > 0);
        if (field == null) {
            assertTrue(response.body().get("field").isNull());
        } else {
            assertEquals(field, response.body().get("field").textValue());
        }
    }

    private static String event(String id) {
        return """
                {"id":"%s","type":"order.status_changed","occurredAt":"2025-03-14T09:30:00+02:00",
                 "entity":{"type":"order","id":"4711"},
                 "data":{"order":{"status":"Готове"},"contact_information":{"name":"%s","email":"olena@example.ua"}}}
                """.formatted(id, UK_NAME);
    }

    @Test
    public void submitsAnEventOnceAndReportsTheDuplicate() {
        ApiResponse first = call("POST", "/events", event("evt-1"));
        assertEquals(202, first.status());
        assertEquals("evt-1", body(first).get("eventId").textValue());
        assertFalse(body(first).get("duplicate").booleanValue());
        String id = body(first).get("communications").get(0).textValue();

        ApiResponse again = call("POST", "/events", event("evt-1"));
        assertEquals(200, again.status());
        assertTrue(body(again).get("duplicate").booleanValue());
        assertEquals(id, body(again).get("communications").get(0).textValue());
        assertEquals(1, notifications.accepted().size());
        assertEquals(UK_NAME, ((Map<?, ?>) notifications.accepted().get(0).data().get("contact_information")).get("name"));
    }

    @Test
    public void badEventsAreRejectedNamingTheField() {
        assertError(call("POST", "/events", event("evt-2").replace("2025-03-14T09:30:00+02:00", "yesterday")), 400,
                "occurredAt");
        assertError(call("POST", "/events", event("evt-2").replace("order.status_changed", "Order Changed")), 400, "type");
        assertError(call("POST", "/events", "{\"type\":\"order.created\"}"), 400, "id");
        assertError(call("POST", "/events", "{\"id\": \"x\",\n \"type\": }"), 400, "body");
        // a number no template could write out: refused by its path, nothing ingested
        assertError(call("POST", "/events", event("evt-2").replace("\"status\":\"Готове\"", "\"total\":1e999999999")),
                400, "data.order.total");
        assertEquals(2, call("POST", "/events", "{\"id\": \"x\",\n \"type\": }").body().get("line").intValue());
        assertTrue(notifications.accepted().isEmpty());
    }

    @Test
    public void anAgentsMessageIsTakenOnceAndBadOnesNameTheField() {
        String sms = "{\"id\":\"crm-881\",\"medium\":\"SMS\",\"text\":\"Ваш пристрій готовий\","
                + "\"recipient\":{\"name\":\"Тарас\",\"phone\":\"+380671234567\",\"consent\":{\"sms\":true}}}";
        ApiResponse first = call("POST", "/messages", sms);
        assertEquals(202, first.status());
        assertEquals("crm-881", body(first).get("messageId").textValue());
        String id = body(first).get("communications").get(0).textValue();
        ApiResponse again = call("POST", "/messages", sms);
        assertEquals(200, again.status());
        assertTrue(body(again).get("duplicate").booleanValue());
        assertEquals(id, body(again).get("communications").get(0).textValue());

        assertError(call("POST", "/messages", sms.replace("\"phone\"", "\"email\"")), 400, "recipient.phone");
        assertError(call("POST", "/messages", sms.replace("\"SMS\"", "\"FAX\"")), 400, "medium");
        assertError(call("POST", "/messages", sms.replace("\"id\":\"crm-881\",", "\"id\":\"crm-882\",\"subject\":\"Hi\",")),
                400, "subject");
        assertError(call("POST", "/messages", sms.replace("\"text\":\"Ваш пристрій готовий\"", "\"text\":\" \"")),
                400, "text");
        assertError(call("POST", "/messages", sms.replace("}}}", "}},\"sendAt\":\"tomorrow\"}")), 400, "sendAt");
        assertError(call("POST", "/messages", sms.replace("\"medium\"", "\"channel\"")), 400, "channel");
    }

    @Test
    public void aContactIsErasedByAnAddressInTheBody() {
        String id = body(call("POST", "/messages", "{\"id\":\"crm-erase\",\"medium\":\"SMS\",\"text\":\"Hej\","
                + "\"recipient\":{\"phone\":\"+4520123456\",\"consent\":{\"sms\":true}}}")).get("communications")
                .get(0).textValue();
        ApiResponse erased = call("POST", "/contacts/erase", "{\"address\":\" +4520123456 \"}");
        assertEquals(200, erased.status());
        assertEquals("+4520123456", body(erased).get("address").textValue());
        assertEquals(1, body(erased).get("communications").intValue());
        assertError(call("GET", "/communications/" + id, null), 404, null);
        assertError(call("POST", "/contacts/erase", "{}"), 400, "address");
        assertError(call("POST", "/contacts/erase", "{\"address\":\"x\",\"why\":\"y\"}"), 400, "why");
    }

    @Test
    public void aBatchOfEventsIsTakenInOrderAndABadOneNamesItsPlace() {
        String batch = "{\"events\":[" + event("run-1") + "," + event("run-2") + "]}";
        ApiResponse first = call("POST", "/events/batch", batch);
        assertEquals(202, first.status());
        JsonNode results = body(first).get("results");
        assertEquals(2, results.size());
        assertEquals("run-2", results.get(1).get("eventId").textValue());
        assertFalse(results.get(0).get("duplicate").booleanValue());
        ApiResponse again = call("POST", "/events/batch", batch);
        assertEquals("every event known already", 200, again.status());
        assertEquals(results.get(1).get("communications"), body(again).get("results").get(1).get("communications"));

        assertError(call("POST", "/events/batch", "{\"events\":[" + event("run-3") + ","
                + event("run-4").replace("2025-03-14T09:30:00+02:00", "yesterday") + "]}"), 400, "events[1].occurredAt");
        assertError(call("POST", "/events/batch", "{\"events\":[]}"), 400, "events");
        assertError(call("POST", "/events/batch", "{\"events\":[1]}"), 400, "events[0]");
    }

    @Test
    public void bodiesMustBeJson() {
        ApiResponse response = api.handle(new ApiRequest("POST", "/events", Map.of(), "text/plain",
                event("e").getBytes(StandardCharsets.UTF_8), "karaf", Set.of("tidings-admin")));
        assertError(response, 415, null);
        assertNull(response.body().get("line"));
    }

    private static final String TEMPLATE = """
            {"key":"order_ready","name":"Замовлення готове","medium":"EMAIL","defaultLanguage":"uk",
             "contents":{"uk":{"subject":"%s","html":"<p>%s</p>","text":"%s"},
                         "da":{"subject":"%s","html":null,"text":"%s"},
                         "fr":{"subject":"%s","text":"%s"}}}
            """.formatted(UK_SUBJECT, UK_TEXT, UK_TEXT, DA_SUBJECT, DA_TEXT, FR_SUBJECT, FR_TEXT);

    @Test
    public void templateLifecycle() {
        ApiResponse created = call("POST", "/templates", TEMPLATE);
        assertEquals(201, created.status());
        assertEquals("/tidings/api/v1/templates/order_ready", created.headers().get("Location"));
        assertEquals(1, body(created).get("version").intValue());
        assertEquals(DA_TEXT, body(created).get("contents").get("da").get("text").textValue());

        assertError(call("POST", "/templates", TEMPLATE), 409, "key");

        ApiResponse list = call("GET", "/templates", null);
        assertEquals(200, list.status());
        assertEquals(1, body(list).size());

        ApiResponse updated = call("PUT", "/templates/order_ready", TEMPLATE.replace("Замовлення готове", "Готово"));
        assertEquals(200, updated.status());
        assertEquals(2, body(updated).get("version").intValue());

        JsonNode current = body(call("GET", "/templates/order_ready", null));
        assertEquals("Готово", current.get("name").textValue());
        assertEquals(UK_SUBJECT, current.get("contents").get("uk").get("subject").textValue());
        JsonNode first = body(call("GET", "/templates/order_ready/versions/1", null));
        assertEquals("Замовлення готове", first.get("name").textValue());
        assertError(call("GET", "/templates/order_ready/versions/9", null), 404, null);
        assertError(call("GET", "/templates/order_ready/versions/two", null), 400, "version");
        assertError(call("GET", "/templates/none/versions/1", null), 404, null);

        assertEquals(204, call("DELETE", "/templates/order_ready", null).status());
        assertError(call("GET", "/templates/order_ready", null), 404, null);
        assertError(call("DELETE", "/templates/order_ready", null), 404, null);
    }

    @Test
    public void putRejectsAnotherKeyAndCreatesANewOne() {
        assertError(call("PUT", "/templates/other", TEMPLATE), 400, "key");
        ApiResponse created = call("PUT", "/templates/order_ready", TEMPLATE);
        assertEquals(201, created.status());
        assertEquals("/tidings/api/v1/templates/order_ready", created.headers().get("Location"));
        ApiResponse keyFromPath = call("PUT", "/templates/sms_ready",
                "{\"name\":\"SMS\",\"medium\":\"SMS\",\"defaultLanguage\":\"da\",\"contents\":{\"da\":{\"text\":\"" + DA_TEXT + "\"}}}");
        assertEquals(201, keyFromPath.status());
        assertEquals("sms_ready", body(keyFromPath).get("key").textValue());
    }

    @Test
    public void templateValidationKeepsLineAndColumn() {
        ApiResponse response = call("POST", "/templates", TEMPLATE.replace(FR_TEXT, "Bonjour #end"));
        assertError(response, 400, "contents.fr.text");
        assertEquals(1, response.body().get("line").intValue());
        assertEquals(9, response.body().get("column").intValue());
        // any medium name is accepted (its channel may come later), what is not a name is not
        assertError(call("POST", "/templates", TEMPLATE.replace("\"EMAIL\"", "\"pigeon post\"")), 400, "medium");
        // Nothing of a rejected template is applied.
        assertError(call("GET", "/templates/order_ready", null), 404, null);
    }

    @Test
    public void previewsInTheAskedLanguageOrTheDefault() {
        call("POST", "/templates", TEMPLATE);
        ApiResponse preview = call("POST", "/templates/order_ready/preview",
                "{\"language\":\"da\",\"data\":{\"contact_information\":{\"name\":\"" + DA_NAME + "\"}}}");
        assertEquals(200, preview.status());
        JsonNode json = body(preview);
        assertEquals("da", json.get("language").textValue());
        assertTrue(json.get("languageReason").isNull());
        assertEquals(1, json.get("templateVersion").intValue());
        assertEquals(DA_TEXT.replace("#contact_information.name", DA_NAME), json.get("text").textValue());

        JsonNode fallback = body(call("POST", "/templates/order_ready/preview", "{\"language\":\"de\",\"data\":{}}"));
        assertEquals("uk", fallback.get("language").textValue());
        assertTrue(fallback.get("languageReason").textValue().contains("'de'"));
        assertError(call("POST", "/templates/missing/preview", "{}"), 404, null);
    }

    private static final String RULE = """
            {"key":"ready","name":"Замовлення готове","event":"order.status_changed","toStatus":"Готове",
             "locations":["kyiv-1"],"condition":"order.total > 100","templates":["order_ready"],
             "recipients":["contact_information"],"purpose":"TRANSACTIONAL","delay":"PT1H"}
            """;

    @Test
    public void ruleLifecycle() {
        call("POST", "/templates", TEMPLATE);
        ApiResponse created = call("POST", "/rules", RULE);
        assertEquals(201, created.status());
        assertEquals("/tidings/api/v1/rules/ready", created.headers().get("Location"));
        assertTrue(body(created).get("enabled").booleanValue());
        assertEquals("PT1H", body(created).get("delay").textValue());
        assertError(call("POST", "/rules", RULE), 409, "key");
        assertEquals(1, body(call("GET", "/rules", null)).size());
        assertEquals("Готове", body(call("GET", "/rules/ready", null)).get("toStatus").textValue());

        ApiResponse updated = call("PUT", "/rules/ready", RULE.replace("PT1H", "P1D").replace("}", ",\"enabled\":false}"));
        assertEquals(200, updated.status());
        // java.time.Duration has no days: one day reads back as 24 hours.
        assertEquals("PT24H", body(updated).get("delay").textValue());
        assertFalse(body(updated).get("enabled").booleanValue());

        assertError(call("PUT", "/rules/other", RULE), 400, "key");
        assertError(call("POST", "/rules", RULE.replace("\"ready\"", "\"late\"").replace("PT1H", "an hour")), 400, "delay");
        assertError(call("POST", "/rules", RULE.replace("\"ready\"", "\"x\"").replace("order_ready", "gone")), 400,
                "templates[0]");
        assertEquals(204, call("DELETE", "/rules/ready", null).status());
        assertError(call("GET", "/rules/ready", null), 404, null);
    }

    private Communication sent(String id, String recipient, Instant created) {
        return new Communication(id, "evt-" + id, new EntityRef("booking", "77"), "booking_confirmed",
                "booking_confirmed", 1, Medium.SMS, "devbox", recipient, "da", CommunicationStatus.SENT, null, 1,
                created, created, created.plusSeconds(1), "devbox-1", null, DA_TEXT);
    }

    @Test
    public void listsAndFiltersCommunications() {
        call("POST", "/events", event("evt-1"));
        notifications.put(sent("s-1", "+4512345678", Instant.parse("2025-03-14T08:00:00Z")));
        notifications.put(sent("s-2", "+4587654321", Instant.parse("2025-03-14T09:00:00Z")));

        JsonNode all = body(call("GET", "/communications", null));
        assertEquals(3, all.size());
        assertEquals("s-2", all.get(0).get("id").textValue());
        JsonNode booking = body(call("GET", "/communications?entityType=booking&entityId=77&status=sent&limit=1", null));
        assertEquals(1, booking.size());
        assertEquals("s-2", booking.get(0).get("id").textValue());
        JsonNode byContact = body(call("GET", "/communications?contact=%2B4512345678", null));
        assertEquals("s-1", byContact.get(0).get("id").textValue());
        JsonNode order = body(call("GET", "/communications?entityType=order&status=SCHEDULED", null));
        assertEquals("olena@example.ua", order.get(0).get("recipient").textValue());

        assertError(call("GET", "/communications?status=LOST", null), 400, "status");
        assertError(call("GET", "/communications?limit=0", null), 400, "limit");
        assertError(call("GET", "/communications?limit=many", null), 400, "limit");
        JsonNode one = body(call("GET", "/communications/s-1", null));
        assertEquals(DA_TEXT, one.get("body").textValue());
        assertEquals("2025-03-14T08:00:01Z", one.get("sentAt").textValue());
        assertError(call("GET", "/communications/nope", null), 404, null);
    }

    @Test
    public void cancelsOnlyWhatIsNotYetSent() {
        String id = body(call("POST", "/events", event("evt-1"))).get("communications").get(0).textValue();
        ApiResponse cancelled = call("POST", "/communications/" + id + "/cancel", "{\"reason\":\"Booking annulleret\"}");
        assertEquals(200, cancelled.status());
        assertEquals("CANCELLED", body(cancelled).get("status").textValue());
        assertEquals("Booking annulleret", body(cancelled).get("statusReason").textValue());

        notifications.put(sent("s-1", "+4512345678", Instant.parse("2025-03-14T08:00:00Z")));
        assertError(call("POST", "/communications/s-1/cancel", null), 409, "status");
        assertError(call("POST", "/communications/nope/cancel", null), 404, null);
        assertError(call("POST", "/communications/s-1/cancel", "{\"why\":\"x\"}"), 400, "why");
    }

    @Test
    public void listsTheChannelsOfTheEnginesDirectoryAsItListsThemNow() {
        assertError(call("GET", "/channels", null), 503, null);
        List<ChannelSummary> registered = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(
                new ChannelSummary("smtp-main", List.of("EMAIL"), 10, ChannelState.AVAILABLE),
                new ChannelSummary("devbox", List.of("EMAIL", "SMS"), -1000, ChannelState.AVAILABLE)));
        ChannelDirectory directory = () -> List.copyOf(registered);
        services.setChannels(directory);
        JsonNode channels = body(call("GET", "/channels", null));
        assertEquals(2, channels.size());
        assertEquals("smtp-main", channels.get(0).get("name").textValue());
        assertEquals("available", channels.get(0).get("state").textValue());

        // the media: the built-in ones, with the channels that serve them now
        JsonNode media = body(call("GET", "/media", null));
        assertEquals("[{\"medium\":\"EMAIL\",\"content\":\"EMAIL\",\"channels\":[\"smtp-main\",\"devbox\"]},"
                + "{\"medium\":\"SMS\",\"content\":\"TEXT\",\"channels\":[\"devbox\"]},"
                + "{\"medium\":\"WEBHOOK\",\"content\":\"STRUCTURED\",\"channels\":[]}]", media.toString());
        registered.add(new ChannelSummary("push-a", List.of("PUSH"), 0, ChannelState.AVAILABLE));
        assertEquals("PUSH", body(call("GET", "/media", null)).get(1).get("medium").textValue());
        registered.remove(2);

        registered.remove(0);
        assertEquals(1, body(call("GET", "/channels", null)).size());
        registered.clear();
        assertEquals(0, body(call("GET", "/channels", null)).size());
        services.unsetChannels(directory);
        assertError(call("GET", "/channels", null), 503, null);
    }

    @Test
    public void metricsAreTheRecordByStatusAndEachChannelsStateInPrometheusText() {
        call("POST", "/events", event("evt-metrics"));
        ApiResponse withoutDirectory = call("GET", "/metrics", null);
        assertEquals("the counts are scraped while the channel directory is away", 200, withoutDirectory.status());
        assertFalse(withoutDirectory.body().textValue().contains("tidings_channel_up{"));
        services.setChannels(() -> List.of(
                new ChannelSummary("devbox", List.of("EMAIL", "SMS"), -1000, ChannelState.AVAILABLE),
                new ChannelSummary("smpp-main", List.of("SMS"), 10, ChannelState.unavailable("reconnecting"))));
        ApiResponse metrics = call("GET", "/metrics", null);
        assertEquals(200, metrics.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.headers().get("Content-Type"));
        String text = metrics.body().textValue();
        assertTrue(text, text.contains("# TYPE tidings_communications gauge\n"));
        assertTrue(text, text.contains("tidings_communications{status=\"SCHEDULED\"} 1\n"));
        assertTrue("every status, zero too", text.contains("tidings_communications{status=\"FAILED\"} 0\n"));
        assertTrue(text, text.contains("tidings_channel_up{channel=\"devbox\",medium=\"EMAIL\"} 1\n"
                + "tidings_channel_up{channel=\"devbox\",medium=\"SMS\"} 1\n"
                + "tidings_channel_up{channel=\"smpp-main\",medium=\"SMS\"} 0\n"));
        assertTrue(text, text.contains("tidings_channels_available{medium=\"SMS\"} 1\n"));
        assertTrue("no dispatcher status published", text.contains("tidings_dispatcher_up 0\n"));
        assertTrue(text, text.contains("tidings_store_up 1\n"));

        services.setDispatcher(() -> true);
        ApiResponse prometheus = call("GET", "/metrics/prometheus", null);
        assertEquals(200, prometheus.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", prometheus.headers().get("Content-Type"));
        assertTrue(prometheus.body().textValue().contains("tidings_dispatcher_up 1\n"));
        assertTrue(prometheus.body().textValue().contains("tidings_communications{status=\"QUEUED\"} "));

        // what the send path counted, as counters by channel and medium
        services.setDispatcher(new io.tidings.api.DispatcherStatus() {
            @Override
            public boolean running() {
                return true;
            }

            @Override
            public List<SendCount> sendCounts() {
                return List.of(new SendCount("sent", "smpp-main", "SMS", 3), new SendCount("suppressed", "", "EMAIL", 1),
                        new SendCount("complained", "smtp-news", "", 2));
            }
        });
        String counted = call("GET", "/metrics/prometheus", null).body().textValue();
        assertTrue(counted, counted.contains("# TYPE tidings_communications_sent_total counter\n"
                + "tidings_communications_sent_total{channel=\"smpp-main\",medium=\"SMS\"} 3\n"));
        assertTrue(counted, counted.contains("tidings_communications_suppressed_total{channel=\"\",medium=\"EMAIL\"} 1\n"));
        assertTrue(counted, counted.contains("# TYPE tidings_communications_complained_total counter\n"
                + "tidings_communications_complained_total{channel=\"smtp-news\",medium=\"\"} 2\n"));
        assertTrue("a counter family without samples yet", counted.contains("# TYPE tidings_communications_retried_total counter\n"));
    }

    @Test
    public void devboxMessagesAreListedAndCleared() {
        assertError(call("GET", "/devbox/messages", null), 404, null);
        InMemoryArchive devbox = new InMemoryArchive("devbox",
                Clock.fixed(Instant.parse("2025-03-14T07:30:02Z"), ZoneOffset.UTC));
        services.setArchive(devbox);
        devbox.send(new OutboundMessage("c-1", Medium.EMAIL, "olena@example.ua", UK_NAME, UK_SUBJECT, UK_TEXT,
                "<p>" + UK_TEXT + "</p>", "uk", 1));
        devbox.send(new OutboundMessage("c-2", Medium.SMS, "+4512345678", DA_NAME, null, DA_TEXT, null, "da", 1));

        JsonNode messages = body(call("GET", "/devbox/messages", null));
        assertEquals(2, messages.size());
        assertEquals("c-2", messages.get(0).get("communicationId").textValue());
        assertEquals(UK_TEXT, messages.get(1).get("text").textValue());
        assertEquals("2025-03-14T07:30:02Z", messages.get(1).get("receivedAt").textValue());
        assertEquals(1, body(call("GET", "/devbox/messages?limit=1", null)).size());
        assertError(call("GET", "/devbox/messages?limit=-3", null), 400, "limit");

        assertEquals(204, call("DELETE", "/devbox/messages", null).status());
        assertEquals(0, body(call("GET", "/devbox/messages", null)).size());
        services.unsetArchive(devbox);
        assertError(call("GET", "/devbox/messages", null), 404, null);
    }

    @Test
    public void routingErrors() {
        assertError(call("GET", "/nothing", null), 404, null);
        ApiResponse wrongMethod = call("DELETE", "/events", null);
        assertError(wrongMethod, 405, null);
        assertEquals("POST", wrongMethod.headers().get("Allow"));
        assertError(call("PATCH", "/templates/order_ready", "{}"), 405, null);
    }

    @Test
    public void missingServicesAnswer503() {
        services.unsetNotifications(notifications);
        ApiResponse response = call("GET", "/communications", null);
        assertError(response, 503, null);
        assertTrue(response.body().get("error").textValue().contains("NotificationService"));
        assertEquals("a host is told when to ask again", "5", response.headers().get("Retry-After"));
        // Unbinding a service that was already replaced must not remove its successor.
        InMemoryTemplates successor = new InMemoryTemplates();
        services.setTemplates(successor);
        services.unsetTemplates(templates);
        assertEquals(200, call("GET", "/templates", null).status());
    }

    @Test
    public void unexpectedFailuresCarryAnErrorIdAndNoDetails() {
        services.setRules(new InMemoryRules(templates) {
            @Override
            public Optional<io.tidings.api.rule.NotificationRule> rule(String key) {
                throw new IllegalStateException("database at jdbc:h2:secret is gone");
            }
        });
        ApiResponse response = call("GET", "/rules/x", null);
        assertEquals(500, response.status());
        String errorId = response.body().get("errorId").textValue();
        assertTrue(response.body().get("error").textValue().contains(errorId));
        assertFalse(response.body().toString().contains("secret"));
        assertFalse(response.body().toString().contains("IllegalStateException"));
    }

    @Test
    public void templatesListInTheirLanguages() {
        call("POST", "/templates", TEMPLATE);
        Template stored = templates.template("order_ready").orElseThrow();
        assertEquals(FR_TEXT, stored.contents().get("fr").text());
        assertEquals(UK_TEXT, body(call("GET", "/templates", null)).get(0).get("contents").get("uk").get("text").textValue());
    }
}
