package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.suppression.SuppressionScope;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smtp.SmtpChannel;
import io.tidings.core.consent.CoreSuppressionList;

/**
 * The suppression list through the real store, rules, engine and an SMTP server: a message to an
 * address on it is SUPPRESSED with the entry's reason when it is about to go (however the address
 * was written), a marketing-only entry lets transactional mail through, and mail flows again once
 * the address is taken off the list.
 */
public class SuppressionListTest {

    private Engine engine;
    private SmtpChannel smtp;
    private GreenMail server;
    private CoreSuppressionList suppressions;

    @Before
    public void start() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        server = new GreenMail(new ServerSetup(Engine.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        smtp = Engine.smtp("smtp-main", server.getSmtp().getPort());
        engine.addChannel(smtp, "smtp-main", "EMAIL", 0);
        suppressions = new CoreSuppressionList(engine.store.suppressions(), engine.rules.addresses());
        engine.save(new Template("ready", "Ready", Medium.EMAIL, "da",
                Map.of("da", new TemplateContent("Ordre #order.number er klar", null, "Hej #contact_information.name")), 0));
        engine.save(new Template("offer", "Offer", Medium.EMAIL, "da",
                Map.of("da", new TemplateContent("Tilbud", null, "20% rabat")), 0));
        engine.save(new NotificationRule("ready", "Ready", "order.status_changed", "ready", List.of(), null,
                List.of("ready"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
        engine.save(new NotificationRule("offer", "Offer", "order.status_changed", "ready", List.of(), null,
                List.of("offer"), List.of("contact_information"), Purpose.MARKETING, null, true));
    }

    @After
    public void stop() {
        engine.close();
        smtp.close();
        server.stop();
    }

    @Test
    public void anAddressOnTheListIsSuppressedAtSendTimeUntilItIsTakenOff() {
        assertEquals("ida@example.dk", suppressions.suppress(" Ida@Example.DK ", SuppressionScope.ALL,
                "550 5.1.1 mailbox unavailable").address());

        Map<String, Communication> first = sendTo("A-1", "Ida@example.dk");
        for (Communication c : first.values()) {
            assertEquals(CommunicationStatus.SUPPRESSED, c.status());
            assertEquals("Ida@example.dk is on the suppression list: 550 5.1.1 mailbox unavailable", c.statusReason());
        }
        assertEquals(0, server.getReceivedMessages().length);

        assertTrue(suppressions.remove("IDA@example.dk"));
        assertFalse(suppressions.suppression("ida@example.dk").isPresent());
        Map<String, Communication> second = sendTo("A-2", "ida@example.dk");
        second.values().forEach(c -> assertEquals(CommunicationStatus.SENT, c.status()));
        assertEquals(2, server.getReceivedMessages().length);
    }

    @Test
    public void aMarketingOnlyEntryStopsTheOfferAndLetsTheOrderMessageThrough() {
        suppressions.suppress("bo@example.dk", SuppressionScope.MARKETING, "complaint (abuse report)");
        Map<String, Communication> sent = sendTo("A-3", "bo@example.dk");
        assertEquals(CommunicationStatus.SENT, sent.get("ready").status());
        assertEquals(CommunicationStatus.SUPPRESSED, sent.get("offer").status());
        assertEquals("bo@example.dk is on the suppression list: complaint (abuse report)",
                sent.get("offer").statusReason());
        assertEquals(1, server.getReceivedMessages().length);
    }

    @Test
    public void theThirdSoftBounceWithinAWeekSuppressesTheAddress() {
        assertTrue(suppressions.softBounce("cy@example.dk", "4.2.2 mailbox full").isEmpty());
        assertTrue(suppressions.softBounce("Cy@example.dk", "4.2.2 mailbox full").isEmpty());
        assertEquals("3 soft bounces in 7 days, the last: 4.4.1 no answer from host", suppressions.softBounce(
                "cy@example.dk", "4.4.1 no answer from host").orElseThrow().reason());
        Map<String, Communication> sent = sendTo("A-4", "cy@example.dk");
        assertEquals(CommunicationStatus.SUPPRESSED, sent.get("ready").status());
    }

    @Test
    public void anEntryWithoutAReasonIsRefusedNamingTheField() {
        try {
            suppressions.suppress("bo@example.dk", SuppressionScope.ALL, " ");
            throw new AssertionError("an entry without a reason was accepted");
        } catch (ValidationException e) {
            assertEquals("reason", e.field());
        }
    }

    /** An order ready for a contact who consents to email and marketing: the communications by rule, once final. */
    private Map<String, Communication> sendTo(String order, String email) {
        List<String> ids = engine.ingest.submit(new BusinessEvent("evt-" + order, "order.status_changed",
                OffsetDateTime.now(), null, new EntityRef("order", order),
                Map.of("order", Map.of("number", order, "status", "ready"),
                        "contact_information", Map.of("name", "Ida", "email", email, "preferred_language", "da",
                                "consent", Map.of("email", true, "marketing", true))))).communicationIds();
        assertEquals(2, ids.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> engine.communication(id).orElseThrow().status().isFinal()
                        || engine.communication(id).orElseThrow().status() == CommunicationStatus.SENT));
        Map<String, Communication> byRule = new java.util.HashMap<>();
        for (String id : ids) {
            Communication c = engine.communication(id).orElseThrow();
            byRule.put(c.ruleKey(), c);
        }
        return byRule;
    }
}
