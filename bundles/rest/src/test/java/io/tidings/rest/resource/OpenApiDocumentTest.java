package io.tidings.rest.resource;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.Role;

/** The OpenAPI document lists exactly the routes the router serves, each with its role and a summary. */
public class OpenApiDocumentTest {

    private final TidingsApi api = new TidingsApi(new Services());
    private final JsonNode document = JsonCodec.parse("application/json", api.openApi());

    @Test
    public void everyRouteTheRouterServesIsListedWithItsRoleAndNothingElse() {
        Map<String, String> listed = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> listed.put(op.getKey().toUpperCase(java.util.Locale.ROOT)
                    + " " + path.getKey(), op.getValue().path("x-tidings-role").asText()));
        }
        assertEquals("the document itself, served without a login", "", listed.remove("GET /openapi.json"));
        Map<String, String> served = new TreeMap<>();
        api.roles().forEach((route, role) -> served.put(route, role.karafName()));
        assertEquals(served, listed);
    }

    @Test
    public void everyRouteHasASummaryAndEveryPathParameterIsDeclared() {
        assertEquals("a route without a summary, or a summary of no route", new TreeSet<>(api.roles().keySet()),
                new TreeSet<>(OpenApiDocument.SUMMARIES.keySet()));
        JsonNode retry = document.at("/paths/~1communications~1{id}~1retry/post");
        assertEquals("postCommunicationsIdRetry", retry.get("operationId").asText());
        assertEquals("id", retry.at("/parameters/0/name").asText());
        assertEquals("path", retry.at("/parameters/0/in").asText());
        assertEquals(Role.ADMIN.karafName(), retry.get("x-tidings-role").asText());
        JsonNode log = document.at("/paths/~1communications/post");
        assertEquals("tidings-editor or tidings-ingest", log.get("x-tidings-role").asText());
        JsonNode complete = document.at("/paths/~1communications~1{id}~1follow-up~1complete/post");
        assertEquals("id", complete.at("/parameters/0/name").asText());
        assertEquals(Role.VIEWER.karafName(), document.at("/paths/~1feed/get/x-tidings-role").asText());
        assertTrue(document.get("openapi").asText().startsWith("3."));
        assertFalse(document.at("/paths/~1events/post/summary").asText().isEmpty());
    }
}
