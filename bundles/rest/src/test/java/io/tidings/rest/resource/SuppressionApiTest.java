package io.tidings.rest.resource;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.rest.fixture.InMemorySuppressions;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;

/** {@code /suppressions}: the JSON of an entry, what is refused and why. */
public class SuppressionApiTest {

    private static final Set<String> ADMIN = Set.of("tidings-admin");

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);

    private ApiResponse call(String method, String path, Map<String, java.util.List<String>> query, String body) {
        return api.handle(new ApiRequest(method, path, query, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "admin", ADMIN));
    }

    private static JsonNode json(ApiResponse response) {
        return JsonCodec.parse("application/json", JsonCodec.write(response.body()));
    }

    @Test
    public void anEntryIsAddedFoundAndRemoved() {
        services.setSuppressions(new InMemorySuppressions());
        io.tidings.rest.fixture.InMemoryAudit audit = new io.tidings.rest.fixture.InMemoryAudit();
        services.setAudit(audit);
        ApiResponse added = call("POST", "/suppressions", Map.of(),
                "{\"address\":\"Ann@Example.com\",\"reason\":\"asked by phone\",\"scope\":\"marketing\"}");
        assertEquals(String.valueOf(added.body()), 201, added.status());
        assertEquals("/tidings/api/v1/suppressions/ann%40example.com", added.headers().get("Location"));
        assertEquals("MARKETING", json(added).get("scope").textValue());

        JsonNode found = json(call("GET", "/suppressions", Map.of("address", java.util.List.of("ANN@example.com")), null));
        assertEquals(1, found.size());
        assertEquals("asked by phone", found.get(0).get("reason").textValue());
        assertEquals(1, json(call("GET", "/suppressions", Map.of(), null)).size());

        assertEquals(204, call("DELETE", "/suppressions/ann@example.com", Map.of(), null).status());
        assertEquals(0, json(call("GET", "/suppressions", Map.of("address", java.util.List.of("ann@example.com")), null)).size());
        ApiResponse gone = call("DELETE", "/suppressions/ann@example.com", Map.of(), null);
        assertEquals(404, gone.status());
        // the audit trail keys the address by its hash, never the address itself
        assertEquals(java.util.List.of("unsuppressed", "suppressed"), audit.entries(
                new io.tidings.api.access.AuditQuery(null, "admin", "suppression",
                        io.tidings.api.access.AuditEntry.contactKey("ann@example.com"), 10))
                .stream().map(io.tidings.api.access.AuditEntry::action).toList());
    }

    @Test
    public void badInputIsRefusedNamingTheField() {
        services.setSuppressions(new InMemorySuppressions());
        services.setAudit(new io.tidings.rest.fixture.InMemoryAudit());
        assertField("reason", call("POST", "/suppressions", Map.of(), "{\"address\":\"a@example.com\"}"));
        assertField("address", call("POST", "/suppressions", Map.of(), "{\"reason\":\"x\"}"));
        assertField("scope", call("POST", "/suppressions", Map.of(),
                "{\"address\":\"a@example.com\",\"reason\":\"x\",\"scope\":\"SOME\"}"));
        assertField("purpose", call("POST", "/suppressions", Map.of(),
                "{\"address\":\"a@example.com\",\"reason\":\"x\",\"purpose\":\"MARKETING\"}"));
    }

    @Test
    public void withoutTheListTheAnswerIs503NamingIt() {
        ApiResponse answer = call("GET", "/suppressions", Map.of(), null);
        assertEquals(503, answer.status());
        assertEquals(true, json(answer).get("error").textValue().contains("SuppressionList"));
    }

    private static void assertField(String field, ApiResponse response) {
        assertEquals(String.valueOf(response.body()), 400, response.status());
        assertEquals(field, response.body().get("field").textValue());
    }
}
