package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Erasure;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.core.consent.CoreOptOutService;

/**
 * A contact's phone number however the host writes it, through the real store, rules and engine:
 * planning stores it in E.164, so an opt-out recorded in E.164 (a STOP reply) suppresses a message
 * to the number written nationally, and erasure and look-ups by contact find it in any writing.
 */
public class PhoneNumberTest {

    private Engine engine;

    @After
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private void start(String defaultRegion) throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)), defaultRegion);
        engine.save(new Template("offer-sms", "Offer", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "Знижка 20% на ремонт")), 0));
        engine.save(new Template("ready-sms", "Ready", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "Замовлення #order.number готове")), 0));
        engine.save(new NotificationRule("offer", "Offer", "order.status_changed", "ready", List.of(), null,
                List.of("offer-sms"), List.of("contact_information"), Purpose.MARKETING, null, true));
        engine.save(new NotificationRule("ready", "Ready", "order.status_changed", "ready", List.of(), null,
                List.of("ready-sms"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
    }

    /** An order of a Kyiv shop ({@code data.location.country} UA, when given) ready for a contact with this phone. */
    private static BusinessEvent ready(String id, String country, String phone) {
        return new BusinessEvent(id, "order.status_changed", OffsetDateTime.now(), null, new EntityRef("order", id),
                Map.of("order", Map.of("number", id, "status", "ready"),
                        "location", country == null ? Map.of("name", "Сервіс") : Map.of("name", "Сервіс", "country", country),
                        "contact_information", Map.of("name", "Олена", "phone", phone,
                                "consent", Map.of("sms", true, "marketing", true))));
    }

    /** The communications of the event, by rule. */
    private Map<String, Communication> planned(BusinessEvent event) {
        List<String> ids = engine.ingest.submit(event).communicationIds();
        assertEquals(2, ids.size());
        Map<String, Communication> byRule = new java.util.HashMap<>();
        for (String id : ids) {
            Communication c = engine.communication(id).orElseThrow();
            byRule.put(c.ruleKey(), c);
        }
        return byRule;
    }

    @Test
    public void aStopRecordedInE164SuppressesAnOfferToTheNumberWrittenNationally() throws Exception {
        start(null);
        // as the SMPP channel records a STOP reply from +380671234567
        engine.store.consent().saveOptOut(new OptOut("+380671234567", Purpose.MARKETING, Instant.now()));

        Map<String, Communication> planned = planned(ready("A-17", "UA", "067 123 45 67"));
        Communication offer = planned.get("offer");
        assertEquals(CommunicationStatus.SUPPRESSED, offer.status());
        assertEquals("+380671234567", offer.recipient());
        assertEquals("+380671234567 opted out of MARKETING through Tidings", offer.statusReason());

        // transactional messages still go: the dispatcher claims it (SENDING for a moment) and, with no
        // SMS channel in this engine, puts it back to wait for one; read it once it settles there
        String readyId = planned.get("ready").id();
        Communication ready = await().atMost(Duration.ofSeconds(30)).until(
                () -> engine.communication(readyId).orElseThrow(),
                c -> c.status() == CommunicationStatus.QUEUED && "no channel".equals(c.statusReason()));
        assertEquals("+380671234567", ready.recipient());
    }

    @Test
    public void aNumberWithoutACountryCodeAndNoCountryIsSuppressedNotSentAsWritten() throws Exception {
        start(null);
        Communication ready = planned(ready("A-18", null, "067 123 45 67")).get("ready");
        assertEquals(CommunicationStatus.SUPPRESSED, ready.status());
        assertNull(ready.recipient());
        assertEquals("contact_information.phone is not a valid phone number: no country code, and no country to read"
                + " it in (data.location.country, defaultRegion)", ready.statusReason());
    }

    @Test
    public void anOptOutGivenWithTheNumberWrittenNationallyAppliesInTheDefaultRegion() throws Exception {
        start("UA");
        CoreOptOutService consent = new CoreOptOutService(engine.store.consent(), engine.rules.addresses());
        assertEquals("+380671234567", consent.optOut("(067) 123-45-67", Purpose.MARKETING).address());
        assertTrue(consent.isOptedOut("+380 67 123 45 67", Purpose.MARKETING));

        // no country in the event: the default region reads it
        Communication offer = planned(ready("A-19", null, "0671234567")).get("offer");
        assertEquals(CommunicationStatus.SUPPRESSED, offer.status());
        assertEquals("+380671234567 opted out of MARKETING through Tidings", offer.statusReason());
    }

    @Test
    public void erasureAndLookUpsFindTheContactInAnyWritingOfTheNumber() throws Exception {
        start("UA");
        String other = planned(ready("A-20", "DK", "20 12 34 56")).get("ready").id();
        Map<String, Communication> planned = planned(ready("A-21", "UA", "(067) 123-45-67"));
        assertEquals("+380671234567", planned.get("ready").recipient());

        var service = engine.engine.service();
        for (String writing : List.of("067 123 45 67", "+380 67 123 45 67", "0671234567", "+380671234567")) {
            assertEquals(writing, 2, service.communications(new CommunicationQuery(null, null, writing, null, 10)).size());
        }
        assertEquals("another country's number by its own code", 2,
                service.communications(new CommunicationQuery(null, null, "+45 20 12 34 56", null, 10)).size());

        Erasure erased = service.erase("067 123 45 67");
        assertEquals("+380671234567", erased.address());
        assertEquals(2, erased.communications());
        assertEquals(1, erased.events());
        assertTrue(engine.communication(planned.get("ready").id()).isEmpty());
        assertTrue(engine.communication(planned.get("offer").id()).isEmpty());
        assertTrue("another contact's message stays", engine.communication(other).isPresent());
        assertEquals(0, service.communications(new CommunicationQuery(null, null, "+380671234567", null, 10)).size());
    }
}
