package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;

import javax.mail.internet.MimeMessage;

import org.junit.Before;
import org.junit.Test;

/**
 * Reply-To in a real Karaf with a real SMTP server: a template's address arrives as the email's
 * Reply-To header, a rule's own address wins over it, and a malformed one is refused naming the field.
 */
public class ReplyToIT extends SmtpTestSupport {

    @Before
    public void smtpChannelTemplateAndRules() throws Exception {
        smtpChannel("reply");
        ok(api().put("/templates/commande-prete", Api.json("{'key':'commande-prete','name':'Commande prête',"
                + "'medium':'EMAIL','defaultLanguage':'fr','replyTo':'service-client@boutique.example.fr',"
                + "'contents':{'fr':{'subject':'Votre commande est prête','text':'Bonjour, votre commande est prête.'}}}")));
        ok(api().put("/rules/commande-prete", Api.json("{'key':'commande-prete','name':'Commande prête',"
                + "'event':'order.status_changed','toStatus':'ready','templates':['commande-prete']}")));
        ok(api().put("/rules/commande-expediee", Api.json("{'key':'commande-expediee','name':'Commande expédiée',"
                + "'event':'order.status_changed','toStatus':'shipped','templates':['commande-prete'],"
                + "'replyTo':'atelier@boutique.example.fr'}")));
    }

    @Test
    public void theTemplatesReplyToArrivesAndARulesOwnWinsOverIt() throws Exception {
        String chloe = unique("chloe") + "@example.fr";
        assertEquals(202, api().post("/events", order("ready", chloe)).status());
        assertArrayEquals(new String[] {"service-client@boutique.example.fr"}, awaitMail(chloe).getHeader("Reply-To"));

        String louis = unique("louis") + "@example.fr";
        assertEquals(202, api().post("/events", order("shipped", louis)).status());
        assertArrayEquals(new String[] {"atelier@boutique.example.fr"}, awaitMail(louis).getHeader("Reply-To"));
        assertEquals("atelier@boutique.example.fr",
                api().get("/rules/commande-expediee").body().get("replyTo").asText());
    }

    @Test
    public void aMalformedReplyToIsRefusedNamingTheField() {
        Api.Response rule = api().put("/rules/commande-prete", Api.json("{'key':'commande-prete','name':'x','event':"
                + "'order.status_changed','templates':['commande-prete'],'replyTo':'Atelier <atelier@example.fr>'}"));
        assertEquals(rule.raw(), 400, rule.status());
        assertEquals("replyTo", rule.body().get("field").asText());
        Api.Response template = api().put("/templates/commande-prete", Api.json("{'key':'commande-prete','name':'x',"
                + "'medium':'EMAIL','defaultLanguage':'fr','replyTo':'service client',"
                + "'contents':{'fr':{'subject':'Commande','text':'Bonjour'}}}"));
        assertEquals(template.raw(), 400, template.status());
        assertEquals("replyTo", template.body().get("field").asText());
        assertTrue(api().get("/rules/commande-prete").body().get("replyTo").isNull());
    }

    private static MimeMessage awaitMail(String address) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !Mails.to(smtp, address).isEmpty());
        return Mails.to(smtp, address).get(0);
    }

    private static String order(String status, String email) {
        return Api.json("{'id':'" + unique("e") + "','type':'order.status_changed','occurredAt':'" + OffsetDateTime.now()
                + "','entity':{'type':'order','id':'" + unique("ORD") + "'},'data':{'order':{'status':'" + status
                + "'},'contact_information':{'name':'Chloé Martin','email':'" + email + "','preferred_language':'fr',"
                + "'consent':{'email':true}}}}");
    }

    private static void ok(Api.Response response) {
        assertTrue(response.raw(), response.status() == 200 || response.status() == 201);
    }
}
