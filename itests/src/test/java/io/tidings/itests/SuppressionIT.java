package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Before;
import org.junit.Test;

/**
 * The suppression list in Karaf: kept over REST and in the shell, checked by the engine when a
 * message is about to go (SUPPRESSED with the entry's reason), and mail flows again once an address
 * is taken off it.
 */
public class SuppressionIT extends SmtpTestSupport {

    @Before
    public void smtpServerAndChannel() throws Exception {
        smtpChannel("itest");
        Api.Response template = api().put("/templates/suppression-it", Api.json("{'key':'suppression-it','name':'x',"
                + "'medium':'EMAIL','defaultLanguage':'en','contents':{'en':{'subject':'Order #order.number',"
                + "'text':'Hello #contact_information.name'}}}"));
        assertTrue(template.raw(), template.status() == 200 || template.status() == 201);
        Api.Response rule = api().put("/rules/suppression-it", Api.json("{'key':'suppression-it','name':'x',"
                + "'event':'order.suppression_it','templates':['suppression-it'],'recipients':['contact_information'],"
                + "'purpose':'TRANSACTIONAL','enabled':true}"));
        assertTrue(rule.raw(), rule.status() == 200 || rule.status() == 201);
    }

    @Test
    public void anAddressSuppressedOverRestIsNotMailedUntilItIsRemoved() throws Exception {
        String address = unique("gone") + "@example.com";
        Api.Response added = api().post("/suppressions", Api.json("{'address':'" + address.toUpperCase()
                + "','reason':'mailbox closed, told by phone'}"));
        assertEquals(added.raw(), 201, added.status());
        assertEquals(address, added.body().get("address").asText());
        assertEquals("ALL", added.body().get("scope").asText());

        Api.Response listed = api("viewer", "viewer").get("/suppressions?address=" + address);
        assertEquals(listed.raw(), 200, listed.status());
        assertEquals("mailbox closed, told by phone", listed.body().get(0).get("reason").asText());
        assertEquals(403, api("viewer", "viewer").delete("/suppressions/" + address).status());
        Api.Response bad = api().post("/suppressions", Api.json("{'address':'" + address + "','reason':'x','scope':'SMS'}"));
        assertEquals(bad.raw(), 400, bad.status());
        assertEquals("scope", bad.body().get("field").asText());

        String suppressed = order(address);
        awaitStatus(suppressed, Duration.ofSeconds(60), "SUPPRESSED");
        assertEquals(address + " is on the suppression list: mailbox closed, told by phone",
                api().get("/communications/" + suppressed).body().get("statusReason").asText());

        assertEquals(204, api().delete("/suppressions/" + address).status());
        assertEquals(404, api().delete("/suppressions/" + address).status());
        String sent = order(address);
        awaitStatus(sent, Duration.ofSeconds(60), "SENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(smtp, address).size() == 1);
    }

    @Test
    public void anAdministratorKeepsTheListInTheShell() throws Exception {
        String address = unique("shell") + "@example.dk";
        String added = executeCommand("tidings:suppress --scope MARKETING " + address + " complained by phone");
        assertTrue(added, added.contains(address) && added.contains("MARKETING") && added.contains("complained by phone"));
        String one = executeCommand("tidings:suppressions " + address);
        assertTrue(one, one.contains("complained by phone"));
        String all = executeCommand("tidings:suppressions --limit 500");
        assertTrue(all, all.contains(address));

        // a marketing-only entry lets an order message through
        String sent = order(address);
        awaitStatus(sent, Duration.ofSeconds(60), "SENT");

        String removed = executeCommand("tidings:unsuppress " + address);
        assertTrue(removed, removed.contains("no longer suppressed"));
        assertTrue(executeCommand("tidings:suppressions " + address).contains("no suppressions"));
        try {
            executeCommand("tidings:unsuppress " + address);
            throw new AssertionError("removing an address not on the list succeeded");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is not on the suppression list"));
        }
    }

    private String order(String email) {
        Api.Response posted = api().post("/events", Api.json("{'id':'" + unique("e") + "','type':'order.suppression_it',"
                + "'occurredAt':'2026-11-23T09:15:00+01:00','entity':{'type':'order','id':'" + unique("o") + "'},"
                + "'data':{'order':{'number':'7'},'contact_information':{'name':'Ann','email':'" + email + "',"
                + "'consent':{'email':true}}}}"));
        assertEquals(posted.raw(), 202, posted.status());
        return posted.body().get("communications").get(0).asText();
    }
}
