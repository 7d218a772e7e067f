package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.access.AuditEntry;

/**
 * The Tidings roles over real HTTP, with users of Karaf's JAAS realm: a host that ingests, a viewer,
 * an editor, and the administrator who still may do everything; API keys, the audit trail, throttled
 * failed logins and the shell's command ACL.
 */
public class RolesIT extends TidingsTestSupport {

    private static final String TEMPLATE = "{'key':'%s','name':'Roles','medium':'SMS','defaultLanguage':'da',"
            + "'contents':{'da':{'text':'Din ordre er klar'}}}";

    /** Each demo user's password is its name. */
    private Api as(String user) {
        return api(user, user);
    }

    private static String event() {
        return Api.json("{'id':'" + unique("evt") + "','type':'order.roles_checked','occurredAt':'2026-11-23T10:00:00+01:00',"
                + "'entity':{'type':'order','id':'1001'},'data':{}}");
    }

    private static void assertRefused(Api.Response response, String role) {
        assertEquals(response.raw(), 403, response.status());
        assertTrue(response.raw(), response.body().get("error").asText().contains("the role " + role));
    }

    @Test
    public void withoutCredentialsIs401() {
        await().atMost(Duration.ofSeconds(60)).until(() -> api(null, null).get("/templates").status() == 401);
        assertEquals(401, api("editor", "wrong").get("/templates").status());
    }

    @Test
    public void anIngestUserPostsEventsAndReadsNothing() {
        await().atMost(Duration.ofSeconds(60)).until(() -> as("ingest").post("/events", event()).status() == 202);
        assertRefused(as("ingest").get("/communications"), "tidings-viewer");
        assertRefused(as("ingest").get("/templates"), "tidings-viewer");
    }

    @Test
    public void aViewerReadsTemplatesButCannotWriteOne() {
        await().atMost(Duration.ofSeconds(60)).until(() -> as("viewer").get("/templates").status() == 200);
        String key = unique("viewer-tpl");
        assertRefused(as("viewer").put("/templates/" + key, Api.json(TEMPLATE.formatted(key))), "tidings-editor");
        assertEquals(404, api().get("/templates/" + key).status());
    }

    @Test
    public void anEditorSavesATemplateButCannotEraseContacts() {
        String key = unique("editor-tpl");
        await().atMost(Duration.ofSeconds(60)).until(() -> as("editor").get("/templates").status() == 200);
        Api.Response saved = as("editor").put("/templates/" + key, Api.json(TEMPLATE.formatted(key)));
        assertTrue(saved.raw(), saved.status() == 201 || saved.status() == 200);
        assertEquals(200, as("viewer").get("/templates/" + key).status());
        assertRefused(as("editor").post("/contacts/erase", Api.json("{'address':'soren@example.com'}")), "tidings-admin");
    }

    @Test
    public void theKarafAdministratorStillDoesEverything() {
        String key = unique("admin-tpl");
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/templates").status() == 200);
        Api.Response saved = api().put("/templates/" + key, Api.json(TEMPLATE.formatted(key)));
        assertTrue(saved.raw(), saved.status() == 201 || saved.status() == 200);
        assertEquals(202, api().post("/events", event()).status());
        assertEquals(200, api().get("/communications").status());
        assertEquals(200, api().get("/channels").status());
        assertEquals(204, api().delete("/devbox/messages").status());
    }

    // ---- API keys

    @Test
    public void anApiKeyPostsEventsIsRefusedAdminRoutesAndOnceRevokedIs401() {
        awaitApi();
        String name = unique("crm");
        Api.Response issued = api().post("/api-keys", Api.json("{'name':'" + name + "','roles':['tidings-ingest'],'unit':null}"));
        assertEquals(issued.raw(), 201, issued.status());
        String id = issued.body().get("id").asText();
        String token = issued.body().get("token").asText();
        Api host = Api.withKey(httpPort(), token);

        assertEquals(202, host.post("/events", event()).status());
        assertRefused(host.get("/api-keys"), "tidings-admin");
        assertRefused(host.get("/templates"), "tidings-viewer");
        JsonNode listed = find(api().get("/api-keys").body(), "id", id);
        assertEquals(name, listed.get("name").asText());
        assertFalse("the token is never shown again", listed.has("token"));
        assertNotNull("its use is recorded", listed.get("lastUsed").textValue());
        assertRefused(as("editor").post("/api-keys", Api.json("{'name':'x','roles':['tidings-admin']}")), "tidings-admin");

        assertEquals(204, api().delete("/api-keys/" + id).status());

        Api.Response refused = host.post("/events", event());
        assertEquals(refused.raw(), 401, refused.status());
        assertEquals(List.of("revoked", "issued"), actions(api().get("/audit?object=api-key:" + id).body(), ADMIN));
    }

    // ---- the audit trail

    @Test
    public void aTemplateEditAndAnErasureLeaveAuditEntries() {
        String key = unique("audited-tpl");
        await().atMost(Duration.ofSeconds(60)).until(() -> as("editor").get("/templates").status() == 200);
        assertEquals(201, as("editor").put("/templates/" + key, Api.json(TEMPLATE.formatted(key))).status());
        assertEquals(200, as("editor").put("/templates/" + key, Api.json(TEMPLATE.formatted(key)
                .replace("Din ordre er klar", "Din ordre er klar til afhentning"))).status());

        Api.Response trail = api().get("/audit?object=template:" + key);
        assertEquals(trail.raw(), 200, trail.status());
        assertEquals(List.of("changed", "created"), actions(trail.body(), "editor"));
        assertEquals("version 2", trail.body().get(0).get("detail").asText());
        assertEquals(key, trail.body().get(0).get("object").get("key").asText());
        assertRefused(as("viewer").get("/audit"), "tidings-admin");

        String address = unique("soren") + "@example.dk";
        assertEquals(200, api().post("/contacts/erase", Api.json("{'address':'" + address + "'}")).status());
        Api.Response erasure = api().get("/audit?actor=" + ADMIN + "&object=contact:" + AuditEntry.contactKey(address));
        assertEquals(List.of("erased"), actions(erasure.body(), ADMIN));
        assertFalse("the erased address is not kept", erasure.raw().contains(address));
    }

    // ---- throttled logins

    @Test
    public void failedPasswordsOfOneUserAreThrottled() {
        awaitApi();
        String user = unique("mallory");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api(user, "guess-" + i).get("/templates").status());
        }

        Api.Response throttled = api(user, "guess-5").get("/templates");

        assertEquals(throttled.raw(), 429, throttled.status());
        assertTrue(throttled.raw(), throttled.body().get("error").asText().contains("too many failed logins"));
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
        assertEquals("other users keep working", 200, api().get("/templates").status());
    }

    @Test
    public void failedLoginsFromOneAddressAreThrottledForEveryoneThere() throws Exception {
        awaitApi();
        org.osgi.service.cm.Configuration rest = configurationAdmin.getConfiguration("io.tidings.rest", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("loginFailuresPerAddress", 3);
        rest.update(props);
        try {
            // each guess under a new name, so that only the address's count can stop them
            await().atMost(Duration.ofSeconds(60)).until(() -> api(unique("guesser"), "x").get("/templates").status() == 429);

            Api.Response throttled = api().get("/templates");
            assertEquals("the right password from that address waits too", 429, throttled.status());
            assertNotNull(throttled.header("Retry-After"));
            assertEquals(429, Api.withKey(httpPort(), "tid_unknown_key").get("/templates").status());
        } finally {
            rest.delete();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/templates").status() == 200);
    }

    // ---- the shell

    @Test
    public void theShellRefusesAViewerWhatOnlyAnAdministratorMayRun() throws Exception {
        awaitApi();
        List<String> viewer = List.of("tidings-viewer");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertRefusedInShell(
                () -> executeCommandAs("viewer", viewer, "tidings:api-key-create " + unique("shell-key"))));
        assertRefusedInShell(() -> executeCommandAs("viewer", viewer, "tidings:audit"));
        assertRefusedInShell(() -> executeCommandAs("editor", List.of("tidings-editor"), "tidings:devbox --clear"));
        assertRefusedInShell(() -> executeCommandAs("editor", List.of("tidings-editor"), "tidings:drain devbox"));
        // an editor may explain an event, as POST /rules/explain allows
        String explained = executeCommandAs("editor", List.of("tidings-editor"), "tidings:explain --data "
                + "'{\"id\":\"e-1\",\"type\":\"order.created\",\"occurredAt\":\"2026-11-24T09:00:00+02:00\","
                + "\"entity\":{\"type\":\"order\",\"id\":\"4711\"},\"data\":{}}'");
        assertTrue(explained, explained.startsWith("Rule ") || explained.startsWith("No rules"));
        assertRefusedInShell(() -> executeCommandAs("viewer", viewer, "tidings:webhooks"));
        assertRefusedInShell(() -> executeCommandAs("editor", List.of("tidings-editor"), "tidings:webhook-deliveries x"));
        assertTrue(executeCommandAs("ops", List.of("tidings-admin"), "tidings:webhooks").contains("Key"));

        assertTrue(executeCommandAs("viewer", viewer, "tidings:templates").contains("Key"));
        String name = unique("shell-key");
        assertTrue(executeCommandAs("ops", List.of("tidings-admin"), "tidings:api-key-create --role tidings-ingest "
                + name).contains("token: tid_"));
        assertTrue(executeCommand("tidings:api-keys").contains(name));
        assertEquals(List.of("issued"), actions(api().get("/audit?actor=ops&object=api-key").body(), "ops"));
    }

    /** Karaf's command ACL hides a command from a user without its roles, or refuses its arguments. */
    private static void assertRefusedInShell(org.junit.function.ThrowingRunnable command) {
        Exception refused = assertThrows(Exception.class, command);
        assertTrue(refused.toString(), refused instanceof SecurityException
                || refused.getClass().getSimpleName().equals("CommandNotFoundException"));
    }

    /** The actions of the audit entries, checking each was made by {@code actor}. */
    private static List<String> actions(JsonNode entries, String actor) {
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : entries) {
            assertEquals(entry.toString(), actor, entry.get("actor").asText());
            actions.add(entry.get("action").asText());
        }
        return actions;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.get(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + array);
    }
}
