package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;

/**
 * The Tidings roles over real HTTP, with users of Karaf's JAAS realm: a host that ingests, a viewer,
 * an editor, and the administrator who still may do everything.
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
}
