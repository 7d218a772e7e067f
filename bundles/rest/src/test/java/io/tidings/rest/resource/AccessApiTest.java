package io.tidings.rest.resource;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.rest.fixture.InMemoryApiKeys;
import io.tidings.rest.fixture.InMemoryAudit;
import io.tidings.rest.fixture.InMemoryNotifications;
import io.tidings.rest.fixture.InMemoryRules;
import io.tidings.rest.fixture.InMemoryTemplates;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.api.access.AuditEntry;
import io.tidings.rest.route.Audit;

/** API keys over REST and the audit entries every change through the API leaves. */
public class AccessApiTest {

    private static final Set<String> ADMIN = Set.of("tidings-admin");
    private static final Set<String> EDITOR = Set.of("tidings-editor");
    private static final String TEMPLATE = """
            {"key":"ready","name":"Klar","medium":"SMS","defaultLanguage":"da","contents":{"da":{"text":"Din ordre er klar"}}}""";
    private static final String RULE = """
            {"key":"ready","name":"Klar","event":"order.status_changed","templates":["ready"],
             "recipients":["contact_information"]%s}""";

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);
    private final InMemoryNotifications notifications = new InMemoryNotifications();

    @Before
    public void bind() {
        InMemoryTemplates templates = new InMemoryTemplates();
        services.setNotifications(notifications);
        services.setTemplates(templates);
        services.setRules(new InMemoryRules(templates));
        services.setApiKeys(new InMemoryApiKeys());
        services.setAudit(new InMemoryAudit());
    }

    private ApiResponse call(String user, Set<String> roles, String method, String pathAndQuery, String body) {
        int q = pathAndQuery.indexOf('?');
        return api.handle(new ApiRequest(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                ApiRequest.parseQuery(q < 0 ? null : pathAndQuery.substring(q + 1)), body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), user, roles));
    }

    private static JsonNode json(ApiResponse response) {
        return JsonCodec.parse("application/json", JsonCodec.write(response.body()));
    }

    private List<String> audit(String query) {
        ApiResponse response = call("karaf", ADMIN, "GET", "/audit" + query, null);
        assertEquals(String.valueOf(response.body()), 200, response.status());
        return java.util.stream.StreamSupport.stream(json(response).spliterator(), false)
                .map(e -> e.get("actor").asText() + " " + e.get("action").asText() + " " + e.get("object").get("type")
                        .asText() + ":" + e.get("object").get("key").asText()
                        + (e.get("detail").isNull() ? "" : " (" + e.get("detail").asText() + ")"))
                .toList();
    }

    @Test
    public void aKeyIsIssuedWithItsTokenOnceListedWithoutItAndRevoked() {
        ApiResponse issued = call("karaf", ADMIN, "POST", "/api-keys",
                "{\"name\":\"crm\",\"roles\":[\"tidings-ingest\"],\"unit\":null}");

        assertEquals(String.valueOf(issued.body()), 201, issued.status());
        JsonNode key = json(issued);
        assertEquals("crm", key.get("name").asText());
        assertEquals("tidings-ingest", key.get("roles").get(0).asText());
        assertTrue(key.get("unit").isNull());
        assertFalse(key.get("token").asText().isEmpty());
        String id = key.get("id").asText();

        JsonNode listed = json(call("karaf", ADMIN, "GET", "/api-keys", null)).get(0);
        assertEquals(id, listed.get("id").asText());
        assertFalse("never the token", listed.has("token"));
        assertTrue(listed.has("created"));
        assertTrue(listed.has("lastUsed"));

        assertEquals(204, call("karaf", ADMIN, "DELETE", "/api-keys/" + id, null).status());
        assertEquals(404, call("karaf", ADMIN, "DELETE", "/api-keys/" + id, null).status());
        assertEquals(0, json(call("karaf", ADMIN, "GET", "/api-keys", null)).size());
        assertEquals(List.of("karaf revoked api-key:" + id, "karaf issued api-key:" + id
                + " (name crm, roles tidings-ingest)"), audit(""));
    }

    @Test
    public void badKeyRequestsNameTheField() {
        ApiResponse unknown = call("karaf", ADMIN, "POST", "/api-keys", "{\"name\":\"crm\",\"roles\":[],\"colour\":1}");
        assertEquals(400, unknown.status());
        assertEquals("colour", unknown.body().get("field").asText());
        assertEquals("name", call("karaf", ADMIN, "POST", "/api-keys", "{\"roles\":[\"tidings-ingest\"]}").body()
                .get("field").asText());
        assertEquals(List.of(), audit(""));
    }

    @Test
    public void templateAndRuleChangesAreRecordedWithTheirActor() {
        assertEquals(201, call("editor", EDITOR, "POST", "/templates", TEMPLATE).status());
        assertEquals(200, call("editor", EDITOR, "PUT", "/templates/ready", TEMPLATE).status());
        assertEquals(201, call("key:crm", EDITOR, "PUT", "/rules/ready", RULE.formatted("")).status());
        assertEquals(200, call("editor", EDITOR, "PUT", "/rules/ready", RULE.formatted(",\"enabled\":false")).status());
        assertEquals(200, call("editor", EDITOR, "PUT", "/rules/ready", RULE.formatted(",\"enabled\":true")).status());
        assertEquals(200, call("editor", EDITOR, "PUT", "/rules/ready", RULE.formatted(",\"delay\":\"PT1H\"")).status());
        assertEquals(204, call("editor", EDITOR, "DELETE", "/rules/ready", null).status());
        assertEquals(404, call("editor", EDITOR, "DELETE", "/rules/ready", null).status());
        assertEquals(400, call("editor", EDITOR, "PUT", "/templates/ready", "{\"key\":\"other\"}").status());

        assertEquals(List.of("editor deleted rule:ready", "editor changed rule:ready", "editor enabled rule:ready",
                "editor disabled rule:ready", "key:crm created rule:ready", "editor changed template:ready (version 2)",
                "editor created template:ready (version 1)"), audit(""));
        assertEquals(List.of("editor changed template:ready (version 2)", "editor created template:ready (version 1)"),
                audit("?object=template:ready"));
        assertEquals(List.of("key:crm created rule:ready"), audit("?actor=key:crm"));
        assertEquals(List.of("editor deleted rule:ready"), audit("?object=rule&limit=1"));
        assertEquals(List.of(), audit("?since=2999-01-01T00:00:00Z"));
        assertEquals("object", call("karaf", ADMIN, "GET", "/audit?object=:x", null).body().get("field").asText());
    }

    @Test
    public void aBulkDeletionIsRecordedPerRule() {
        // as the rule store does: a deletion answers no saved rule
        services.setBulkRules(operation -> List.of());

        ApiResponse bulk = call("editor", EDITOR, "POST", "/rules/bulk", "{\"rules\":[\"a\",\"b\"],\"action\":\"delete\"}");

        assertEquals(String.valueOf(bulk.body()), 200, bulk.status());
        assertEquals(List.of("editor deleted rule:b (bulk delete)", "editor deleted rule:a (bulk delete)"), audit(""));
    }

    @Test
    public void anErasureIsRecordedWithoutTheAddress() {
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        notifications.put(new Communication("c-1", "e-1", new EntityRef("order", "1"), "r", "t", 1, Medium.EMAIL,
                "devbox", "soren@example.com", "da", CommunicationStatus.SENT, null, 1, at, at, at, "p-1", "s", "b"));

        ApiResponse erased = call("karaf", ADMIN, "POST", "/contacts/erase", "{\"address\":\"soren@example.com\"}");

        assertEquals(String.valueOf(erased.body()), 200, erased.status());
        List<String> entries = audit("?object=contact");
        assertEquals(List.of("karaf erased contact:" + AuditEntry.contactKey("Soren@Example.com") + " (1 communication(s), "
                + "0 event(s), 0 link response(s), 0 opt-in(s) removed; 0 opt-out(s) kept)"), entries);
        assertFalse(entries.get(0).contains("soren"));
    }

    @Test
    public void aChangeIsRefusedWhileTheAuditTrailIsAway() {
        services.unsetAudit(services.audit());

        ApiResponse refused = call("editor", EDITOR, "POST", "/templates", TEMPLATE);

        assertEquals(503, refused.status());
        assertEquals(404, call("editor", EDITOR, "GET", "/templates/ready", null).status());
        assertEquals("reading needs no audit trail", 200, call("editor", EDITOR, "GET", "/templates", null).status());
    }
}
