package io.tidings.rest.resource;

import static io.tidings.rest.fixture.Texts.DA_TEXT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.rest.fixture.InMemoryNotifications;
import io.tidings.rest.fixture.InMemoryRules;
import io.tidings.rest.fixture.InMemoryTemplates;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;

/** Who may do what on the API: the route table and what it means for each role. */
public class RolesTest {

    private static final Set<String> INGEST = Set.of("tidings-ingest");
    private static final Set<String> VIEWER = Set.of("tidings-viewer");
    private static final Set<String> CONTENT_VIEWER = Set.of("tidings-viewer", "tidings-viewer-content");
    private static final Set<String> EDITOR = Set.of("tidings-editor");
    private static final Set<String> ADMIN = Set.of("tidings-admin");

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);
    private final InMemoryNotifications notifications = new InMemoryNotifications();

    @Before
    public void bind() {
        InMemoryTemplates templates = new InMemoryTemplates();
        services.setNotifications(notifications);
        services.setTemplates(templates);
        services.setAudit(new io.tidings.rest.fixture.InMemoryAudit());
        services.setRules(new InMemoryRules(templates));
        Instant at = Instant.parse("2025-03-14T08:00:00Z");
        notifications.put(new Communication("s-1", "evt-s-1", new EntityRef("booking", "77"), "booking_confirmed",
                "booking_confirmed", 1, Medium.SMS, "devbox", "+4512345678", "da", CommunicationStatus.SENT, null, 1,
                at, at, at.plusSeconds(1), "devbox-1", "Bekræftelse", DA_TEXT));
    }

    private ApiResponse call(Set<String> roles, String method, String path, String body) {
        return api.handle(new ApiRequest(method, path, Map.of(), body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "someone", roles));
    }

    private static JsonNode json(ApiResponse response) {
        return JsonCodec.parse("application/json", JsonCodec.write(response.body()));
    }

    private static void assertRefused(ApiResponse response, String role) {
        assertEquals(String.valueOf(response.body()), 403, response.status());
        String error = response.body().get("error").textValue();
        assertTrue(error, error.contains("the role " + role));
    }

    /** The whole table, so a new route cannot slip in without a decision about who may call it. */
    @Test
    public void everyRouteNeedsTheRoleOfTheTable() {
        Map<String, Role> expected = new LinkedHashMap<>();
        for (String route : new String[] {"POST /events", "POST /events/batch", "POST /messages",
                "POST /queue/{channel}/claim", "POST /queue/{channel}/{id}/ack", "POST /runs", "POST /runs/{key}/close"}) {
            expected.put(route, Role.INGEST);
        }
        for (String route : new String[] {"GET /templates", "GET /templates/{key}",
                "GET /templates/{key}/versions", "GET /templates/{key}/versions/{version}", "GET /tags", "GET /tags/{entity}", "GET /rules",
                "GET /rules/{key}", "GET /locations", "GET /locations/{key}", "GET /communications",
                "GET /communications/{id}", "GET /channels", "GET /media", "GET /metrics", "GET /metrics/prometheus",
                "GET /communications/{id}/engagement", "GET /engagement", "GET /runs", "GET /runs/{key}",
                "GET /runs/{key}/export", "GET /suppressions", "GET /dispatch", "GET /follow-ups", "GET /feed",
                "GET /communication-categories", "GET /units", "GET /units/{key}"}) {
            expected.put(route, Role.VIEWER);
        }
        expected.put("GET /devbox/messages", Role.VIEWER_CONTENT);
        for (String route : new String[] {"POST /communications", "PUT /communications/{id}",
                "POST /communications/{id}/follow-up", "POST /communications/{id}/follow-up/complete"}) {
            expected.put(route, Role.EDITOR_OR_INGEST);
        }
        for (String route : new String[] {"POST /templates", "PUT /templates/{key}", "DELETE /templates/{key}",
                "POST /templates/{key}/preview", "POST /templates/{key}/versions/{version}/rollback", "POST /rules",
                "POST /rules/explain", "POST /rules/bulk",
                "PUT /rules/{key}", "DELETE /rules/{key}", "PUT /locations/{key}", "DELETE /locations/{key}"}) {
            expected.put(route, Role.EDITOR);
        }
        for (String route : new String[] {"POST /communications/{id}/cancel", "POST /communications/{id}/retry",
                "POST /communications/{id}/resend", "POST /communications/retry", "POST /dispatch/pause",
                "POST /dispatch/resume", "POST /channels/{name}/pause", "POST /channels/{name}/resume",
                "POST /channels/{name}/drain",
                "DELETE /devbox/messages", "GET /consent", "POST /consent", "GET /link-responses", "POST /contacts/erase",
                "GET /api-keys", "POST /api-keys", "DELETE /api-keys/{id}", "GET /audit", "POST /runs/{key}/cancel",
                "POST /suppressions", "DELETE /suppressions/{address}", "GET /webhooks", "POST /webhooks",
                "GET /webhooks/{key}", "PUT /webhooks/{key}", "DELETE /webhooks/{key}", "GET /webhooks/{key}/deliveries",
                "POST /webhooks/{key}/deliveries/{id}/redrive", "POST /communication-categories",
                "DELETE /communication-categories/{key}", "POST /units", "PUT /units/{key}", "DELETE /units/{key}"}) {
            expected.put(route, Role.ADMIN);
        }
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(api.roles()));
    }

    @Test
    public void anIngestUserPostsButCannotRead() {
        ApiResponse posted = call(INGEST, "POST", "/events", """
                {"id":"e-1","type":"order.status_changed","occurredAt":"2025-03-14T09:30:00+02:00",
                 "entity":{"type":"order","id":"4711"},"data":{}}""");
        assertEquals(String.valueOf(posted.body()), 202, posted.status());
        assertRefused(call(INGEST, "GET", "/communications", null), "tidings-viewer");
        assertRefused(call(INGEST, "GET", "/templates", null), "tidings-viewer");
        assertRefused(call(INGEST, "PUT", "/templates/x", "{}"), "tidings-editor");
        assertRefused(call(INGEST, "POST", "/contacts/erase", "{}"), "tidings-admin");
        assertRefused(call(INGEST, "GET", "/feed", null), "tidings-viewer");
        assertRefused(call(VIEWER, "POST", "/communications", "{}"), "tidings-editor or tidings-ingest");
        assertRefused(call(EDITOR, "POST", "/communication-categories", "{}"), "tidings-admin");
    }

    @Test
    public void aViewerReadsButCannotWrite() {
        assertEquals(200, call(VIEWER, "GET", "/templates", null).status());
        assertEquals(200, call(VIEWER, "GET", "/rules", null).status());
        assertRefused(call(VIEWER, "POST", "/templates", "{}"), "tidings-editor");
        assertRefused(call(VIEWER, "DELETE", "/rules/ready", null), "tidings-editor");
        assertRefused(call(VIEWER, "POST", "/rules/explain", "{}"), "tidings-editor");
        assertRefused(call(VIEWER, "POST", "/events", "{}"), "tidings-ingest");
        assertRefused(call(VIEWER, "POST", "/communications/s-1/cancel", null), "tidings-admin");
        assertRefused(call(EDITOR, "POST", "/communications/s-1/cancel", null), "tidings-admin");
    }

    @Test
    public void refusalNamesTheRoleInTheErrorShape() {
        ApiResponse refused = call(VIEWER, "PUT", "/templates/x", "{}");
        assertEquals("this needs the role tidings-editor (or tidings-admin)", json(refused).get("error").textValue());
        assertTrue(json(refused).get("field").isNull());
    }

    @Test
    public void messageBodiesNeedViewerContent() {
        JsonNode plain = json(call(VIEWER, "GET", "/communications/s-1", null));
        assertEquals("+4512345678", plain.get("recipient").textValue());
        assertTrue(plain.get("body").isNull());
        assertTrue(plain.get("subject").isNull());
        assertTrue(json(call(EDITOR, "GET", "/communications", null)).get(0).get("body").isNull());
        assertRefused(call(VIEWER, "GET", "/devbox/messages", null), "tidings-viewer-content");

        assertEquals(DA_TEXT, json(call(CONTENT_VIEWER, "GET", "/communications/s-1", null)).get("body").textValue());
        assertEquals("Bekræftelse", json(call(CONTENT_VIEWER, "GET", "/communications", null)).get(0)
                .get("subject").textValue());
        assertNotEquals(403, call(CONTENT_VIEWER, "GET", "/devbox/messages", null).status());
        assertEquals(DA_TEXT, json(call(ADMIN, "GET", "/communications/s-1", null)).get("body").textValue());
        // content alone is not viewing
        assertRefused(call(Set.of("tidings-viewer-content"), "GET", "/communications/s-1", null), "tidings-viewer");
    }

    @Test
    public void anEditorViewsAndWrites() {
        assertEquals(200, call(EDITOR, "GET", "/templates", null).status());
        assertNotEquals(403, call(EDITOR, "PUT", "/templates/x", "{}").status());
        assertRefused(call(EDITOR, "POST", "/events", "{}"), "tidings-ingest");
    }
}
