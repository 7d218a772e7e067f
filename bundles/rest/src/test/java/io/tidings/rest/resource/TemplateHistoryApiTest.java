package io.tidings.rest.resource;

import static io.tidings.rest.fixture.Texts.DA_TEXT;
import static io.tidings.rest.fixture.Texts.FR_TEXT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.access.AuditEntry;
import io.tidings.rest.fixture.InMemoryAudit;
import io.tidings.rest.fixture.InMemoryRules;
import io.tidings.rest.fixture.InMemoryTemplates;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;

/** A template's versions, rolling back to one, and deleting a template only once no rule uses it. */
public class TemplateHistoryApiTest {

    private static final String TEMPLATE = """
            {"key":"repair_ready","name":"Reparation klar","medium":"SMS","defaultLanguage":"da",
             "contents":{"da":{"text":"%s"},"fr":{"text":"%s"}}}
            """;

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);
    private final InMemoryAudit audit = new InMemoryAudit();

    @Before
    public void bind() {
        InMemoryTemplates templates = new InMemoryTemplates();
        services.setTemplates(templates);
        services.setAudit(audit);
        services.setRules(new InMemoryRules(templates));
    }

    private ApiResponse call(String method, String path, String body) {
        return api.handle(new ApiRequest(method, path, Map.of(), body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "karaf", Set.of("tidings-admin")));
    }

    private static JsonNode body(ApiResponse response) {
        return JsonCodec.parse("application/json", JsonCodec.write(response.body()));
    }

    @Test
    public void listsTheVersionsAndRollsBackToOneAsANewVersion() {
        assertEquals(201, call("POST", "/templates", TEMPLATE.formatted(DA_TEXT, FR_TEXT)).status());
        assertEquals(200, call("PUT", "/templates/repair_ready", TEMPLATE.formatted("Hej igen, Søren", FR_TEXT)).status());

        JsonNode versions = body(call("GET", "/templates/repair_ready/versions", null));
        assertEquals(2, versions.size());
        assertEquals(1, versions.get(0).get("version").intValue());
        assertFalse(versions.get(0).get("current").booleanValue());
        assertTrue(versions.get(1).get("current").booleanValue());
        // who saved each version (the caller of POST and PUT) and when
        assertEquals("karaf", versions.get(1).get("savedBy").textValue());
        assertEquals("2026-12-07T10:00:02Z", versions.get(1).get("savedAt").textValue());

        ApiResponse rolledBack = call("POST", "/templates/repair_ready/versions/1/rollback", null);
        assertEquals(String.valueOf(rolledBack.body()), 200, rolledBack.status());
        assertEquals(3, body(rolledBack).get("version").intValue());
        JsonNode current = body(call("GET", "/templates/repair_ready", null));
        assertEquals(3, current.get("version").intValue());
        assertEquals(DA_TEXT, current.at("/contents/da/text").textValue());
        assertEquals(3, body(call("GET", "/templates/repair_ready/versions", null)).size());

        AuditEntry entry = audit.entries(new io.tidings.api.access.AuditQuery(null, null, "template", "repair_ready", 1))
                .get(0);
        assertEquals("rolled back", entry.action());
        assertEquals("to version 1, now version 3", entry.detail());

        assertEquals(404, call("POST", "/templates/repair_ready/versions/7/rollback", null).status());
        assertEquals(404, call("GET", "/templates/none/versions", null).status());
        ApiResponse bad = call("POST", "/templates/repair_ready/versions/first/rollback", null);
        assertEquals(400, bad.status());
        assertEquals("version", bad.body().get("field").textValue());
    }

    @Test
    public void deleteIsRefusedWhileRulesUseTheTemplateAndNamesThem() {
        call("POST", "/templates", TEMPLATE.formatted(DA_TEXT, FR_TEXT));
        for (String key : List.of("ready_kobenhavn", "ready_paris")) {
            ApiResponse rule = call("POST", "/rules", """
                    {"key":"%s","name":"Klar","event":"repair.status_changed","templates":["repair_ready"],
                     "recipients":["contact_information"],"purpose":"TRANSACTIONAL"}
                    """.formatted(key));
            assertEquals(String.valueOf(rule.body()), 201, rule.status());
        }
        ApiResponse refused = call("DELETE", "/templates/repair_ready", null);
        assertEquals(409, refused.status());
        assertTrue(refused.body().get("error").textValue(),
                refused.body().get("error").textValue().contains("used by rules: ready_kobenhavn, ready_paris"));
        assertEquals(200, call("GET", "/templates/repair_ready", null).status());

        call("DELETE", "/rules/ready_kobenhavn", null);
        call("DELETE", "/rules/ready_paris", null);
        assertEquals(204, call("DELETE", "/templates/repair_ready", null).status());
        assertEquals("deleted", audit.entries(new io.tidings.api.access.AuditQuery(null, null, "template",
                "repair_ready", 1)).get(0).action());
    }
}
