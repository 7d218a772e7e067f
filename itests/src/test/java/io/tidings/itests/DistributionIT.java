package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.Test;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Tidings distribution as a first-time user starts it: it boots with the features and the
 * demo, and the demo event shows a rendered message in the devbox.
 */
public class DistributionIT extends TidingsTestSupport {

    @Override
    protected MavenArtifactUrlReference distribution() {
        return tidingsDistribution();
    }

    /** The distribution installs its features itself. */
    @Override
    protected String[] features() {
        return new String[0];
    }

    @Test
    public void theDemoEventShowsARenderedMessageInTheDevbox() {
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/rules/order-ready").status() == 200);
        String phone = "+4520123456";
        String event = Api.json("{'id':'" + UUID.randomUUID() + "','type':'order.status_changed',"
                + "'occurredAt':'2026-11-23T10:00:00+01:00','entity':{'type':'order','id':'1001'},'data':{"
                + "'order':{'number':'1001','status':'ready','total':899},'location':{'name':'Butikken på Strøget'},"
                + "'contact_information':{'name':'Søren Kierkegaard','email':'soren@example.com','phone':'" + phone
                + "','preferred_language':'da','consent':{'email':true,'sms':true}}}}");
        Api.Response posted = api().post("/events", event);
        assertEquals(posted.raw(), 202, posted.status());

        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/devbox/messages").body().size() >= 2);
        JsonNode sms = null;
        JsonNode email = null;
        for (JsonNode message : api().get("/devbox/messages").body()) {
            if ("SMS".equals(message.get("medium").asText())) {
                sms = message;
            } else {
                email = message;
            }
        }
        assertNotNull(sms);
        assertEquals(phone, sms.get("recipient").asText());
        assertEquals("Din ordre 1001 er klar til afhentning hos Butikken på Strøget.", sms.get("text").asText());
        assertNotNull(email);
        assertEquals("Din ordre 1001 er klar", email.get("subject").asText());
        assertTrue(email.get("html").asText(), email.get("html").asText().contains("Kære Søren Kierkegaard,"));
    }

    @Test
    public void theWebConsoleHasTheTidingsPage() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> WebConsole.get("/tidings", "karaf", "karaf").statusCode() == 200);
        String overview = WebConsole.get("/tidings", "karaf", "karaf").body();
        assertTrue(overview, overview.contains("<table class='nicetable tidings-channels'>"));
        assertTrue(overview, overview.contains("<td>devbox</td>"));
        assertEquals(401, WebConsole.get("/tidings", null, null).statusCode());
    }

    @Test
    public void itsSshConsoleListensOnLoopbackOnly() throws Exception {
        // the demo's users have well-known passwords: Karaf's default sshHost=0.0.0.0 put them on every interface
        assertEquals("127.0.0.1", configurationAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties()
                .get("sshHost"));
    }

    @Test
    public void theApiRequiresAnAdministrator() {
        assertEquals(401, api(null, null).get("/templates").status());
        assertEquals(401, api("karaf", "wrong").get("/templates").status());
        // the demo viewer reads, but only an editor or the administrator writes
        assertEquals(200, api("viewer", "viewer").get("/templates").status());
        assertEquals(403, api("viewer", "viewer").put("/templates/x", Api.json("{'key':'x'}")).status());
        assertEquals(200, api().get("/templates").status());
    }
}
