package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.Test;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A partner's tag bundle installed into a running Tidings: its tags are valid at once, a template
 * using them is saved and sent; once the bundle is uninstalled the template is reported invalid
 * with the missing tags, and a message that cannot be rendered fails instead of going out wrong.
 */
public class TagBundlesIT extends TidingsTestSupport {

    private static final String PHONE = "+4520123456";

    @Test
    public void aTagBundleInstalledAtRuntimeServesTemplatesUntilItIsUninstalled() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/tags").status() == 200);
        JsonNode tags = api().get("/tags").body();
        assertTrue(tags.toString(), tags.size() >= 18);
        assertTrue(contains(tags, "notification") && contains(tags, "payment_gateway_request") && contains(tags, "lead"));
        assertFalse(contains(tags, "loyalty_card"));
        Api.Response refused = api().put("/templates/loyalty", template("Hi"));
        assertEquals(refused.raw(), 400, refused.status());
        assertTrue(refused.raw(), refused.body().get("error").asText().contains("loyalty_card"));

        Bundle example = context.installBundle("mvn:io.tidings/tidings-tags-example/" + System.getProperty("tidings.version"));
        example.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/tags/loyalty_card").status() == 200);
        JsonNode card = api().get("/tags/loyalty_card").body();
        assertEquals("#loyalty_card.points", card.get("fields").get(2).get("tag").asText());
        assertEquals("NUMBER", card.get("fields").get(2).get("type").asText());

        Api.Response saved = api().put("/templates/loyalty", template("Hi"));
        assertEquals(saved.raw(), 201, saved.status());
        assertTrue(saved.raw(), saved.body().get("valid").asBoolean());
        Api.Response rule = api().put("/rules/loyalty", Api.json("{'key':'loyalty','name':'Points changed',"
                + "'event':'loyalty_card.points_changed','templates':['loyalty'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);

        JsonNode preview = api().post("/templates/loyalty/preview", Api.json("{'language':'da','data':{"
                + "'loyalty_card':{'number':'LC-1','tier':'gold','points':1200},'unrestricted':{'note':'Tak!'}}}")).body();
        assertEquals("Hi LC-1 (Gold): 1.200 point. Tak!", preview.get("text").asText());
        assertEquals("GSM-7", preview.get("encoding").asText());
        assertEquals(1, preview.get("parts").asInt());

        String first = postEvent("LC-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> devboxText("LC-1") != null);
        assertEquals("Hi LC-1 (Gold): 1.200 point. Velkommen tilbage, Søren!", devboxText("LC-1"));
        JsonNode sent = api().get("/communications/" + first).body();
        assertEquals(1, sent.get("templateVersion").asInt());

        // an edit is a new version; the earlier one stays readable and a new message records the new one
        assertEquals(200, api().put("/templates/loyalty", template("Hej")).status());
        assertEquals(2, api().get("/templates/loyalty").body().get("version").asInt());
        assertTrue(api().get("/templates/loyalty/versions/1").body().get("contents").get("da").get("text").asText()
                .startsWith("Hi "));
        String second = postEvent("LC-2");
        await().atMost(Duration.ofSeconds(30)).until(() -> devboxText("LC-2") != null);
        assertTrue(devboxText("LC-2").startsWith("Hej LC-2"));
        assertEquals(2, api().get("/communications/" + second).body().get("templateVersion").asInt());

        example.uninstall();
        await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/tags/loyalty_card").status() == 404);
        JsonNode invalid = api().get("/templates/loyalty").body();
        assertFalse(invalid.toString(), invalid.get("valid").asBoolean());
        JsonNode problems = invalid.get("problems");
        assertEquals(invalid.toString(), 3, problems.size());
        assertEquals("contents.da.text", problems.get(0).get("field").asText());
        assertEquals(1, problems.get(0).get("line").asInt());
        assertEquals(5, problems.get(0).get("column").asInt());
        assertTrue(problems.toString(), problems.get(0).get("message").asText().contains("#loyalty_card.number"));
        JsonNode listed = null;
        for (JsonNode t : api().get("/templates").body()) {
            if ("loyalty".equals(t.get("key").asText())) {
                listed = t;
            }
        }
        assertFalse(String.valueOf(listed), listed.get("valid").asBoolean());

        // the dispatcher refuses to send what it cannot render
        String third = postEvent("LC-3");
        awaitStatus(third, Duration.ofSeconds(30), "FAILED");
        assertEquals(null, devboxText("LC-3"));
    }

    private static String template(String greeting) {
        return Api.json("{'key':'loyalty','name':'Loyalty points','medium':'SMS','defaultLanguage':'da',"
                + "'contents':{'da':{'text':'" + greeting
                + " #loyalty_card.number (#loyalty_card.tier): #loyalty_card.points point. #unrestricted.note'}}}");
    }

    private String postEvent(String card) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + UUID.randomUUID() + "',"
                + "'type':'loyalty_card.points_changed','occurredAt':'2026-11-23T09:15:00+01:00',"
                + "'entity':{'type':'loyalty_card','id':'" + card + "'},'data':{"
                + "'loyalty_card':{'number':'" + card + "','tier':'gold','points':1200},"
                + "'unrestricted':{'note':'Velkommen tilbage, Søren!'},"
                + "'contact_information':{'name':'Søren Ærø','phone':'" + PHONE + "','preferred_language':'da',"
                + "'consent':{'sms':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }

    private String devboxText(String card) {
        for (JsonNode message : api().get("/devbox/messages").body()) {
            String text = message.get("text").asText();
            if (PHONE.equals(message.get("recipient").asText()) && text.contains(card + " ")) {
                return text;
            }
        }
        return null;
    }

    private static boolean contains(JsonNode entities, String name) {
        for (JsonNode entity : entities) {
            if (name.equals(entity.get("entity").asText())) {
                return true;
            }
        }
        return false;
    }
}
