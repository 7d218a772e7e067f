package io.tidings.rest.json;

import static io.tidings.rest.fixture.Texts.DA_SUBJECT;
import static io.tidings.rest.fixture.Texts.DA_TEXT;
import static io.tidings.rest.fixture.Texts.FR_NAME;
import static io.tidings.rest.fixture.Texts.FR_SUBJECT;
import static io.tidings.rest.fixture.Texts.FR_TEXT;
import static io.tidings.rest.fixture.Texts.UK_NAME;
import static io.tidings.rest.fixture.Texts.UK_SUBJECT;
import static io.tidings.rest.fixture.Texts.UK_TEXT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.IngestResult;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.rest.route.ApiException;

public class JsonMappingTest {

    private static JsonNode json(String text) {
        return JsonCodec.parse("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a tree to bytes and reads it back, as a client would see it. */
    private static JsonNode wire(JsonNode tree) {
        return JsonCodec.parse("application/json", JsonCodec.write(tree));
    }

    private static ValidationException invalid(Runnable mapping) {
        return assertThrows(ValidationException.class, mapping::run);
    }

    @Test
    public void readsAnEventWithItsData() {
        BusinessEvent event = EventJson.read(json("""
                {"id":"evt-1","type":"order.status_changed","occurredAt":"2025-03-14T09:30:00+02:00",
                 "location":"kyiv-1","entity":{"type":"order","id":4711},
                 "data":{"order":{"status":"Готове","total":1299.90,"items":[1,2]},
                         "contact_information":{"name":"%s","email":"olena@example.ua","vip":true}}}
                """.formatted(UK_NAME)));
        assertEquals("evt-1", event.id());
        assertEquals(OffsetDateTime.parse("2025-03-14T09:30:00+02:00"), event.occurredAt());
        assertEquals(new EntityRef("order", "4711"), event.entity());
        assertEquals("kyiv-1", event.location());
        Map<?, ?> order = (Map<?, ?>) event.data().get("order");
        assertEquals("Готове", order.get("status"));
        assertEquals(new BigDecimal("1299.90"), order.get("total"));
        assertEquals(List.of(1, 2), order.get("items"));
        Map<?, ?> contact = (Map<?, ?>) event.data().get("contact_information");
        assertEquals(UK_NAME, contact.get("name"));
        assertEquals(Boolean.TRUE, contact.get("vip"));
    }

    @Test
    public void badOccurredAtNamesTheField() {
        ValidationException e = invalid(() -> EventJson.read(json("""
                {"id":"e","type":"order.created","occurredAt":"2025-03-14 09:30","entity":{"type":"order","id":"1"}}""")));
        assertEquals("occurredAt", e.field());
        // An offset is required: a local time is ambiguous across the locations' time zones.
        assertEquals("occurredAt", invalid(() -> EventJson.read(json("""
                {"occurredAt":"2025-03-14T09:30:00"}"""))).field());
        assertEquals("occurredAt", invalid(() -> EventJson.read(json("{\"occurredAt\":17}"))).field());
    }

    @Test
    public void eventFieldErrorsNameTheField() {
        assertEquals("entity.type", invalid(() -> EventJson.read(json("{\"entity\":{\"id\":\"1\"}}"))).field());
        assertEquals("entity.id", invalid(() -> EventJson.read(json("{\"entity\":{\"type\":\"order\"}}"))).field());
        assertEquals("entity", invalid(() -> EventJson.read(json("{\"entity\":\"order\"}"))).field());
        assertEquals("data", invalid(() -> EventJson.read(json("{\"data\":[1]}"))).field());
        assertEquals("id", invalid(() -> EventJson.read(json("{\"id\":1.5}"))).field());
        ValidationException unknown = invalid(() -> EventJson.read(json("{\"occured_at\":\"x\"}")));
        assertEquals("occured_at", unknown.field());
        assertTrue(unknown.reason(), unknown.reason().contains("occurredAt"));
        assertEquals("entity.name", invalid(() -> EventJson.read(json(
                "{\"entity\":{\"type\":\"order\",\"id\":\"1\",\"name\":\"x\"}}"))).field());
        assertEquals("body", invalid(() -> EventJson.read(json("[1,2]"))).field());
    }

    @Test
    public void writesTheIngestResult() {
        JsonNode json = wire(EventJson.ingestResult("evt-1", new IngestResult(true, List.of("c-1", "c-2"))));
        assertEquals("evt-1", json.get("eventId").textValue());
        assertTrue(json.get("duplicate").booleanValue());
        assertEquals("c-2", json.get("communications").get(1).textValue());
    }

    private static Template multilingual() {
        return new Template("order_ready", "Замовлення готове / Ordre klar / Commande prête", Medium.EMAIL, "uk",
                Map.of("uk", new TemplateContent(UK_SUBJECT, "<p>" + UK_TEXT + "</p>", UK_TEXT),
                        "da", new TemplateContent(DA_SUBJECT, "<p>" + DA_TEXT + "</p>", DA_TEXT),
                        "fr", new TemplateContent(FR_SUBJECT, null, FR_TEXT)),
                3);
    }

    @Test
    public void templateRoundTripsWithUkrainianDanishAndFrenchIntact() {
        Template original = multilingual();
        JsonNode json = wire(TemplateJson.write(original));
        assertEquals("EMAIL", json.get("medium").textValue());
        assertEquals(3, json.get("version").intValue());
        assertEquals(DA_SUBJECT, json.get("contents").get("da").get("subject").textValue());
        assertTrue(json.get("contents").get("fr").get("html").isNull());
        Template back = TemplateJson.read(json);
        assertEquals(original.withVersion(0), back);
        assertEquals(FR_TEXT, back.contents().get("fr").text());
    }

    @Test
    public void aReplyToRoundTripsOnTemplatesAndRulesAndBlankIsNone() {
        Template original = multilingual();
        Template replying = new Template(original.key(), original.name(), original.medium(), original.defaultLanguage(),
                original.contents(), 0, List.of(), "service-client@boutique.example.fr");
        JsonNode json = wire(TemplateJson.write(replying));
        assertEquals("service-client@boutique.example.fr", json.get("replyTo").textValue());
        assertEquals(replying, TemplateJson.read(json));
        assertTrue(wire(TemplateJson.write(original)).get("replyTo").isNull());
        assertEquals(null, TemplateJson.read(json("{\"replyTo\":\"  \"}")).replyTo());

        NotificationRule rule = RuleJson.read(json("{\"key\":\"ordre-klar\",\"event\":\"order.status_changed\","
                + "\"replyTo\":\" kundeservice@butik.example.dk \"}"));
        assertEquals("kundeservice@butik.example.dk", rule.replyTo());
        JsonNode ruleJson = wire(RuleJson.write(rule));
        assertEquals("kundeservice@butik.example.dk", ruleJson.get("replyTo").textValue());
        assertEquals(rule, RuleJson.read(ruleJson));
        assertTrue(wire(RuleJson.write(rule.withReplyTo(null))).get("replyTo").isNull());
        assertEquals("replyTo", invalid(() -> RuleJson.read(json("{\"replyTo\":42}"))).field());
    }

    @Test
    public void templateErrorsNameTheField() {
        // any medium name is accepted (its channel may come later); what is not a name is refused, by field
        assertEquals(Medium.of("FAX"), TemplateJson.read(json("{\"key\":\"k\",\"medium\":\"FAX\"}")).medium());
        ValidationException medium = invalid(() -> TemplateJson.read(json("{\"key\":\"k\",\"medium\":\"fax machine\"}")));
        assertEquals("medium", medium.field());
        assertTrue(medium.reason(), medium.reason().contains("EMAIL") && medium.reason().contains("FAX MACHINE"));
        assertEquals(Medium.SMS, TemplateJson.read(json("{\"medium\":\"sms\"}")).medium());
        assertEquals("contents.uk", invalid(() -> TemplateJson.read(json("{\"contents\":{\"uk\":\"text\"}}"))).field());
        assertEquals("contents.da.body", invalid(() -> TemplateJson.read(json(
                "{\"contents\":{\"da\":{\"body\":\"x\"}}}"))).field());
        assertEquals("contents.fr.text", invalid(() -> TemplateJson.read(json(
                "{\"contents\":{\"fr\":{\"text\":42}}}"))).field());
        assertEquals("version", invalid(() -> TemplateJson.read(json("{\"version\":\"two\"}"))).field());
    }

    @Test
    public void previewMapsBothWays() {
        TemplateJson.PreviewRequest request = TemplateJson.readPreview(json("""
                {"language":"da","data":{"contact_information":{"name":"Søren Ærø"}}}"""));
        assertEquals("da", request.language());
        assertEquals(Map.of("contact_information", Map.of("name", "Søren Ærø")), request.data());
        assertEquals(Map.of(), TemplateJson.readPreview(json("{}")).data());
        JsonNode json = wire(TemplateJson.writePreview(new RenderedMessage("fr",
                "preferred language 'de' has no content; default 'fr'", 2, FR_SUBJECT, null, FR_TEXT)));
        assertEquals("fr", json.get("language").textValue());
        assertEquals(2, json.get("templateVersion").intValue());
        assertEquals(FR_TEXT, json.get("text").textValue());
        assertTrue(json.get("html").isNull());
        assertTrue(json.get("languageReason").textValue().contains("'de'"));
        assertEquals(0, json.get("blankTags").size());
        JsonNode blanks = wire(TemplateJson.writePreview(new RenderedMessage("fr", null, 2, FR_SUBJECT, null, FR_TEXT,
                null, List.of("#contact_information.name", "#order.pickup_time"))));
        assertEquals("#order.pickup_time", blanks.get("blankTags").get(1).textValue());
    }

    @Test
    public void ruleRoundTrips() {
        NotificationRule rule = new NotificationRule("ready_vip", "Готове — VIP", "order.status_changed", "Готове",
                List.of("kyiv-1", "lviv"), "order.total > 100 && contact_information.segment == 'vip'",
                List.of("order_ready"), List.of("contact_information", "order.manager_email"), Purpose.MARKETING,
                Duration.ofHours(1), false);
        JsonNode json = wire(RuleJson.write(rule));
        assertEquals("PT1H", json.get("delay").textValue());
        assertEquals("MARKETING", json.get("purpose").textValue());
        assertFalse(json.get("enabled").booleanValue());
        assertEquals(rule, RuleJson.read(json));
    }

    @Test
    public void ruleDefaults() {
        NotificationRule rule = RuleJson.read(json("{\"key\":\"k\",\"event\":\"order.created\"}"));
        assertTrue(rule.enabled());
        assertNull(rule.delay());
        assertEquals(Purpose.TRANSACTIONAL, rule.purpose());
        assertEquals(List.of("contact_information"), rule.recipients());
        assertEquals(List.of(), rule.locations());
    }

    @Test
    public void ruleErrorsNameTheField() {
        ValidationException delay = invalid(() -> RuleJson.read(json("{\"delay\":\"1 hour\"}")));
        assertEquals("delay", delay.field());
        assertTrue(delay.reason(), delay.reason().contains("1 hour"));
        assertEquals("delay", invalid(() -> RuleJson.read(json("{\"delay\":\"-PT1H\"}"))).field());
        assertEquals("purpose", invalid(() -> RuleJson.read(json("{\"purpose\":\"SPAM\"}"))).field());
        assertEquals("templates[1]", invalid(() -> RuleJson.read(json("{\"templates\":[\"a\",2]}"))).field());
        assertEquals("locations", invalid(() -> RuleJson.read(json("{\"locations\":\"kyiv\"}"))).field());
        assertEquals("enabled", invalid(() -> RuleJson.read(json("{\"enabled\":\"yes\"}"))).field());
        assertEquals("channels", invalid(() -> RuleJson.read(json("{\"channels\":[\"EMAIL\"]}"))).field());
    }

    @Test
    public void aDigestWindowRoundTripsAndABadOneIsRefusedByName() {
        NotificationRule rule = RuleJson.read(json("{\"key\":\"order-digest\",\"event\":\"order.status_changed\","
                + "\"digest\":{\"window\":\"PT1H\"}}"));
        assertEquals(Duration.ofHours(1), rule.digest().window());
        JsonNode json = wire(RuleJson.write(rule));
        assertEquals("PT1H", json.get("digest").get("window").textValue());
        assertEquals(rule, RuleJson.read(json));
        assertTrue(wire(RuleJson.write(rule.withTemplates(List.of()))).has("digest"));
        for (String window : List.of("\"P8D\"", "\"PT0S\"", "\"-PT1H\"", "\"an hour\"", "null")) {
            ValidationException e = invalid(() -> RuleJson.read(json("{\"digest\":{\"window\":" + window + "}}")));
            assertEquals(window, "digest.window", e.field());
        }
        assertTrue(invalid(() -> RuleJson.read(json("{\"digest\":{\"window\":\"P8D\"}}"))).reason().contains("P7D"));
        assertEquals("digest.size", invalid(() -> RuleJson.read(json("{\"digest\":{\"size\":3}}"))).field());
    }

    @Test
    public void writesACommunication() {
        Communication c = new Communication("c-1", "evt-1", new EntityRef("booking", "77"), "booking_confirmed",
                "booking_confirmed", 2, Medium.SMS, "devbox", "+4512345678", "da", CommunicationStatus.SENT, null, 1,
                Instant.parse("2025-03-14T07:30:00Z"), Instant.parse("2025-03-14T07:29:59.5Z"),
                Instant.parse("2025-03-14T07:30:01Z"), "devbox-1", null, DA_TEXT);
        JsonNode json = wire(CommunicationJson.write(c));
        assertEquals("evt-1", json.get("event").textValue());
        assertEquals("booking_confirmed", json.get("rule").textValue());
        assertEquals("booking_confirmed", json.get("template").textValue());
        assertEquals(2, json.get("templateVersion").intValue());
        assertEquals("SMS", json.get("medium").textValue());
        assertEquals("SENT", json.get("status").textValue());
        assertTrue(json.get("statusReason").isNull());
        assertEquals("2025-03-14T07:30:00Z", json.get("notBefore").textValue());
        assertEquals("2025-03-14T07:29:59.500Z", json.get("createdAt").textValue());
        assertEquals("2025-03-14T07:30:01Z", json.get("sentAt").textValue());
        assertEquals(DA_TEXT, json.get("body").textValue());
        assertEquals("booking", json.get("entity").get("type").textValue());
        assertEquals("77", json.get("entity").get("id").textValue());
        assertTrue("the unit it was created in (none)", json.get("unit").isNull());
        assertEquals(20, json.size());
    }

    @Test
    public void channelsKeepTheDirectorysOrderWithTheirMediaAndState() {
        JsonNode json = wire(ChannelJson.write(List.of(
                new ChannelSummary("smpp-main", List.of("SMS"), 10,
                        ChannelState.unavailable("reconnecting in 8 s: connection refused")),
                new ChannelSummary("smtp-main", List.of("EMAIL"), 5,
                        ChannelState.unavailable("failed to report its state: IllegalStateException")),
                new ChannelSummary("devbox", List.of("EMAIL", "SMS"), Integer.MIN_VALUE, ChannelState.AVAILABLE))));
        List<String> fields = new java.util.ArrayList<>();
        json.get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("name", "media", "priority", "available", "state"), fields);
        assertEquals("smpp-main", json.get(0).get("name").textValue());
        assertEquals(10, json.get(0).get("priority").intValue());
        assertFalse(json.get(0).get("available").booleanValue());
        assertEquals("reconnecting in 8 s: connection refused", json.get(0).get("state").textValue());
        assertEquals("smtp-main", json.get(1).get("name").textValue());
        assertFalse(json.get(1).get("available").booleanValue());
        assertTrue(json.get(1).get("state").textValue().contains("IllegalStateException"));
        assertEquals("devbox", json.get(2).get("name").textValue());
        assertEquals(Integer.MIN_VALUE, json.get(2).get("priority").intValue());
        assertEquals("SMS", json.get(2).get("media").get(1).textValue());
        assertTrue(json.get(2).get("available").booleanValue());
        assertEquals("available", json.get(2).get("state").textValue());
    }

    @Test
    public void writesAnArchivedMessage() {
        MessageArchive.Entry entry = new MessageArchive.Entry(new OutboundMessage("c-9", Medium.EMAIL,
                "helene@example.fr", FR_NAME, FR_SUBJECT, FR_TEXT, "<p>" + FR_TEXT + "</p>", "fr", 1), "devbox",
                Instant.parse("2025-03-14T07:30:02Z"));
        JsonNode json = wire(ArchiveJson.write(entry));
        assertEquals("c-9", json.get("communicationId").textValue());
        assertEquals(FR_NAME, json.get("recipientName").textValue());
        assertEquals(FR_SUBJECT, json.get("subject").textValue());
        assertEquals("devbox", json.get("channel").textValue());
        assertEquals("2025-03-14T07:30:02Z", json.get("receivedAt").textValue());
        assertEquals(10, json.size());

        MessageArchive.Entry withFiles = new MessageArchive.Entry(new OutboundMessage("c-10", Medium.EMAIL,
                "helene@example.fr", FR_NAME, FR_SUBJECT, FR_TEXT, null, "fr", 1, "FR", java.util.List.of(
                        new io.tidings.api.channel.Attachment("Facture n°42.pdf", "application/pdf", new byte[0], null),
                        new io.tidings.api.channel.Attachment("logo.png", "image/png", new byte[0], "logo"))),
                "devbox", Instant.parse("2025-03-14T07:30:02Z"));
        JsonNode files = wire(ArchiveJson.write(withFiles)).get("attachments");
        assertEquals("Facture n°42.pdf", files.get(0).get("filename").textValue());
        assertFalse(files.get(0).get("inline").booleanValue());
        assertTrue(files.get(1).get("inline").booleanValue());
    }

    @Test
    public void malformedJsonGivesLineAndColumn() {
        ValidationException e = invalid(() -> json("{\n  \"key\": \"a\",\n  \"name\": oops\n}"));
        assertEquals("body", e.field());
        assertEquals(3, e.line());
        assertTrue("column " + e.column(), e.column() > 0);
        assertEquals("body", invalid(() -> json("{\"key\":\"a\",\"key\":\"b\"}")).field());
        assertEquals("body", invalid(() -> json("{\"key\":\"a\"} {\"key\":\"b\"}")).field());
        assertEquals("body", invalid(() -> json("   ")).field());
    }

    @Test
    public void requiresAJsonContentType() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, assertThrows(ApiException.class, () -> JsonCodec.parse(null, body)).status());
        assertEquals(415, assertThrows(ApiException.class, () -> JsonCodec.parse("text/plain", body)).status());
        assertEquals(415, assertThrows(ApiException.class,
                () -> JsonCodec.parse("application/json; charset=klingon", body)).status());
        assertTrue(JsonCodec.parse("application/merge-patch+json", body).isObject());
        assertTrue(JsonCodec.parse("Application/JSON;charset=utf-8", body).isObject());
    }

    @Test
    public void honoursADeclaredCharset() {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        JsonNode node = JsonCodec.parse("application/json; charset=ISO-8859-1",
                ("{\"text\":\"" + FR_TEXT + "\"}").getBytes(latin1));
        assertEquals(FR_TEXT, node.get("text").textValue());
        JsonNode utf16 = JsonCodec.parse("application/json",
                ("{\"text\":\"" + UK_TEXT + "\"}").getBytes(StandardCharsets.UTF_16BE));
        assertEquals(UK_TEXT, utf16.get("text").textValue());
    }
}
