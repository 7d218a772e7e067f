package io.tidings.rules.consent;

import static io.tidings.rules.Fixtures.NOW;
import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Duration;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RulePlan;
import io.tidings.rules.engine.RulePlanner;

/** Consent, for a French repair shop's customers, through the planner. */
public class ConsentTest {

    private static final Map<String, Medium> MEDIA = Map.of("facture-courriel", Medium.EMAIL, "promo-sms", Medium.SMS);

    private final RulePlanner planner = new RulePlanner(Duration.ofMillis(250), 100);

    private static BusinessEvent bill(Map<String, Object> consent) {
        Map<String, Object> contact = map("name", "Hélène Lefèvre", "email", "helene@exemple.fr", "phone", "+33612345678",
                "preferred_language", "fr");
        if (consent != null) {
            contact.put("consent", consent);
        }
        return event("bill.issued").location("paris-11")
                .data("bill", map("number", "F-2025-0042", "total", 89.5, "responsable_email", "gerant@atelier.fr"))
                .data("contact_information", contact)
                .build();
    }

    private PlannedMessage message(String template, Purpose purpose, BusinessEvent event, String recipient) {
        RulePlan plan = planner.plan(rule("bill.issued").templates(template).purpose(purpose).recipients(recipient).build(),
                event, MEDIA, NOW);
        assertEquals(1, plan.messages().size());
        return plan.messages().get(0);
    }

    @Test
    public void contactWithoutConsentFlagsHasNone() {
        PlannedMessage mail = message("facture-courriel", Purpose.TRANSACTIONAL, bill(null), "contact_information");
        assertEquals("helene@exemple.fr", mail.recipient());
        assertEquals("no consent for EMAIL (contact_information.consent.email)", mail.suppressedReason());

        PlannedMessage sms = message("promo-sms", Purpose.TRANSACTIONAL, bill(map()), "contact_information");
        assertEquals("no consent for SMS (contact_information.consent.sms)", sms.suppressedReason());
    }

    @Test
    public void falseConsentSuppresses() {
        BusinessEvent event = bill(map("email", false, "sms", true));
        assertEquals("no consent for EMAIL (contact_information.consent.email)",
                message("facture-courriel", Purpose.TRANSACTIONAL, event, "contact_information").suppressedReason());
        assertNull(message("promo-sms", Purpose.TRANSACTIONAL, event, "contact_information").suppressedReason());
    }

    @Test
    public void trueConsentAllowsTransactional() {
        PlannedMessage mail = message("facture-courriel", Purpose.TRANSACTIONAL, bill(map("email", true)), "contact_information");
        assertNull(mail.suppressedReason());
        assertEquals("Hélène Lefèvre", mail.recipientName());
        assertEquals("fr", mail.language());
        // some hosts send their flags as text
        assertNull(message("facture-courriel", Purpose.TRANSACTIONAL, bill(map("email", "true")), "contact_information")
                .suppressedReason());
    }

    @Test
    public void marketingWithoutOptInIsSuppressed() {
        PlannedMessage sms = message("promo-sms", Purpose.MARKETING, bill(map("sms", true)), "contact_information");
        assertEquals("+33612345678", sms.recipient());
        assertEquals("no consent for MARKETING (contact_information.consent.marketing)", sms.suppressedReason());

        PlannedMessage noChannel = message("promo-sms", Purpose.MARKETING, bill(map("marketing", true)), "contact_information");
        assertEquals("no consent for SMS (contact_information.consent.sms)", noChannel.suppressedReason());
    }

    @Test
    public void marketingWithOptInGoes() {
        PlannedMessage sms = message("promo-sms", Purpose.MARKETING, bill(map("sms", true, "marketing", true)),
                "contact_information");
        assertNull(sms.suppressedReason());
    }

    @Test
    public void staffAddressesNeedNoConsentForTransactional() {
        assertNull(message("facture-courriel", Purpose.TRANSACTIONAL, bill(null), "bill.responsable_email").suppressedReason());
        assertNull(message("facture-courriel", Purpose.TRANSACTIONAL, bill(null), "compta@atelier.fr").suppressedReason());
    }

    @Test
    public void staffAddressesGetNoMarketing() {
        PlannedMessage field = message("facture-courriel", Purpose.MARKETING, bill(null), "bill.responsable_email");
        assertEquals("gerant@atelier.fr", field.recipient());
        assertEquals("no marketing to bill.responsable_email: only a contact who opted in receives MARKETING",
                field.suppressedReason());
        PlannedMessage fixed = message("promo-sms", Purpose.MARKETING, bill(null), "+33140000000");
        assertEquals("no marketing to +33140000000: only a contact who opted in receives MARKETING", fixed.suppressedReason());
    }

    @Test
    public void affiliateMarketingNeedsItsOwnOptInAndATidingsChoiceOutranksTheHost() {
        BusinessEvent marketingOnly = bill(map("email", true, "marketing", true));
        assertEquals("no consent for AFFILIATE_MARKETING (contact_information.consent.affiliate_marketing)",
                message("facture-courriel", Purpose.AFFILIATE_MARKETING, marketingOnly, "contact_information")
                        .suppressedReason());

        // opted in through a dynamic link: granted, though the host's flags say nothing of it
        io.tidings.api.rule.PlanContext optedIn = new io.tidings.api.rule.PlanContext(null, null, false,
                (address, purpose) -> address.equals("helene@exemple.fr") && purpose == Purpose.AFFILIATE_MARKETING);
        RulePlan plan = planner.plan(rule("bill.issued").templates("facture-courriel").purpose(Purpose.AFFILIATE_MARKETING)
                .recipients("contact_information").build(), marketingOnly, MEDIA, NOW, optedIn);
        assertNull(plan.messages().get(0).suppressedReason());
        // the channel consent still applies
        plan = planner.plan(rule("bill.issued").templates("facture-courriel").purpose(Purpose.AFFILIATE_MARKETING)
                .recipients("contact_information").build(), bill(map("email", false)), MEDIA, NOW, optedIn);
        assertEquals("no consent for EMAIL (contact_information.consent.email)", plan.messages().get(0).suppressedReason());
        // staff addresses never get marketing
        assertEquals("no marketing to bill.responsable_email: only a contact who opted in receives AFFILIATE_MARKETING",
                message("facture-courriel", Purpose.AFFILIATE_MARKETING, marketingOnly, "bill.responsable_email")
                        .suppressedReason());
    }
}
