package io.tidings.rules.recipient;

import static io.tidings.rules.Fixtures.NOW;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.location.Location;
import io.tidings.api.rule.PlanContext;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RulePlan;
import io.tidings.rules.engine.RulePlanner;

/**
 * Phone numbers of SMS recipients, as hosts write them, through the planner: every writing of one
 * number becomes the same E.164, read in the event's country, and a number that cannot be read is
 * suppressed, never sent as written.
 */
public class PhoneNumbersTest {

    private static final Map<String, Medium> MEDIA = Map.of("sms", Medium.SMS, "mail", Medium.EMAIL);

    private final RulePlanner planner = new RulePlanner(Duration.ofMillis(250), 100);

    /** An event whose location ({@code data.location.country}) is in the country, to a contact with the phone. */
    private static BusinessEvent event(String country, String phone) {
        return eventWith(country == null ? map() : map("country", country), phone);
    }

    private static BusinessEvent eventWith(Map<String, Object> location, String phone) {
        return io.tidings.rules.Fixtures.event("order.created")
                .data("location", location)
                .data("order", map("number", "A-17"))
                .data("contact_information", map("name", "Contact", "phone", phone, "email", "contact@example.com",
                        "consent", map("sms", true, "email", true, "marketing", true)))
                .build();
    }

    private PlannedMessage sms(RulePlanner with, BusinessEvent event, PlanContext context, String... recipients) {
        RulePlan plan = with.plan(rule("order.created").templates("sms").recipients(recipients).build(), event, MEDIA, NOW,
                context);
        assertTrue(plan.reason(), plan.matched());
        assertEquals(1, plan.messages().size());
        return plan.messages().get(0);
    }

    private PlannedMessage sms(BusinessEvent event) {
        return sms(planner, event, PlanContext.none(), "contact_information");
    }

    private void assertEveryWritingIs(String e164, String country, String... writings) {
        for (String written : writings) {
            PlannedMessage message = sms(event(country, written));
            assertEquals(written + " in " + country, e164, message.recipient());
            assertNull(written + " in " + country, message.suppressedReason());
        }
    }

    @Test
    public void aUkrainianNumberInEveryWritingIsOneE164Number() {
        assertEveryWritingIs("+380671234567", "UA", "0671234567", "067 123 45 67", "(067) 123-45-67", "067-123-45-67",
                "+380671234567", "+380 67 123 45 67", "+38 (067) 123-45-67", " +380 (67) 123 45 67 ");
    }

    @Test
    public void aDanishNumberInEveryWritingIsOneE164Number() {
        assertEveryWritingIs("+4520123456", "DK", "20123456", "20 12 34 56", "2012 3456", "+4520123456",
                "+45 20 12 34 56", "0045 20 12 34 56");
    }

    @Test
    public void aFrenchNumberInEveryWritingIsOneE164Number() {
        assertEveryWritingIs("+33612345678", "FR", "0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78",
                "+33612345678", "+33 6 12 34 56 78", "0033 6 12 34 56 78");
    }

    @Test
    public void anInternationalNumberIsReadTheSameInAnyCountry() {
        assertEquals("+4520123456", sms(event("UA", "+45 20 12 34 56")).recipient());
        assertEquals("+380671234567", sms(event("FR", "+380 67 123 45 67")).recipient());
        assertEquals("+33612345678", sms(event(null, "+33 6 12 34 56 78")).recipient());
        assertEquals("a lower-case country", "+380671234567", sms(event("ua", "067 123 45 67")).recipient());
    }

    @Test
    public void aNationalNumberIsReadInTheConfiguredLocationsCountryOrElseTheDefaultRegion() {
        Location kyiv = new Location("kyiv", "Kyiv", "Europe/Kyiv", "UA", Map.of());
        assertEquals("+380671234567", sms(planner, event(null, "067 123 45 67"), new PlanContext(kyiv, null, false),
                "contact_information").recipient());
        assertEquals("the event's own country wins", "+4520123456", sms(planner, event("DK", "20 12 34 56"),
                new PlanContext(kyiv, null, false), "contact_information").recipient());

        RulePlanner danish = new RulePlanner(Duration.ofMillis(250), 100, new CanonicalAddresses("DK"));
        assertEquals("+4520123456", sms(danish, event(null, "20 12 34 56"), PlanContext.none(), "contact_information")
                .recipient());
        assertEquals("+380671234567", sms(danish, event("UA", "067 123 45 67"), PlanContext.none(), "contact_information")
                .recipient());
    }

    @Test
    public void aNumberThatCannotBeReadIsSuppressedNamingTheFieldAndTheProblem() {
        PlannedMessage noCountry = sms(event(null, "067 123 45 67"));
        assertNull(noCountry.recipient());
        assertEquals("contact_information.phone is not a valid phone number: no country code, and no country to read it"
                + " in (data.location.country, defaultRegion)", noCountry.suppressedReason());

        PlannedMessage tooShort = sms(event("UA", "067 12"));
        assertNull(tooShort.recipient());
        assertEquals("contact_information.phone is not a valid phone number: not a valid number for country code +380",
                tooShort.suppressedReason());

        PlannedMessage text = sms(event("UA", "call the shop"));
        assertNull(text.recipient());
        assertEquals("contact_information.phone is not a valid phone number: not written as a phone number",
                text.suppressedReason());

        PlannedMessage unknownCountry = sms(event("Ukraine", "067 123 45 67"));
        assertNull(unknownCountry.recipient());
        assertEquals("contact_information.phone is not a valid phone number: no country code, and UKRAINE is not a"
                + " country code libphonenumber knows", unknownCountry.suppressedReason());

        PlannedMessage tooLong = sms(event("FR", "+33 6 12 34 56 78 90 12 34 56 78"));
        assertNull(tooLong.recipient());
        assertTrue(tooLong.suppressedReason(), tooLong.suppressedReason()
                .startsWith("contact_information.phone is not a valid phone number: "));
    }

    @Test
    public void numbersInFieldsAndInTheRuleAreReadTooAndABadOneIsSuppressedByName() {
        BusinessEvent event = io.tidings.rules.Fixtures.event("order.created")
                .data("location", map("country", "DK"))
                .data("order", map("technician_phone", "31 31 31 31",
                        "cc", List.of("kasse@salon.dk", "70 10 10 10", "70 10 10")))
                .build();
        assertEquals("+4531313131", sms(planner, event, PlanContext.none(), "order.technician_phone").recipient());

        RulePlan cc = planner.plan(rule("order.created").templates("sms").recipients("order.cc").build(), event, MEDIA,
                NOW);
        assertEquals(2, cc.messages().size());
        assertEquals("+4570101010", cc.messages().get(0).recipient());
        assertNull(cc.messages().get(0).suppressedReason());
        assertNull(cc.messages().get(1).recipient());
        assertEquals("order.cc[2] is not a valid phone number: not a valid number for country code +45",
                cc.messages().get(1).suppressedReason());

        PlannedMessage fixed = sms(planner, event, PlanContext.none(), "+999123456");
        assertNull(fixed.recipient());
        assertEquals("recipients entry +999123456 is not a valid phone number: unknown country code",
                fixed.suppressedReason());
    }

    @Test
    public void theContactAndAFixedCopyOfOneNumberWrittenDifferentlyGetOneMessage() {
        RulePlan plan = planner.plan(rule("order.created").templates("sms").recipients("contact_information",
                "+4520123456").build(), event("DK", "20 12 34 56"), MEDIA, NOW);
        assertEquals(1, plan.messages().size());
        assertEquals("+4520123456", plan.messages().get(0).recipient());
    }

    @Test
    public void anOptOutRecordedInE164SuppressesTheNumberWrittenNationally() {
        PlanContext optedOut = new PlanContext(null,
                (address, purpose) -> address.equals("+380671234567") && purpose == Purpose.MARKETING, false);
        RulePlan plan = planner.plan(rule("order.created").templates("sms").purpose(Purpose.MARKETING).build(),
                event("UA", "067 123 45 67"), MEDIA, NOW, optedOut);
        PlannedMessage message = plan.messages().get(0);
        assertEquals("+380671234567", message.recipient());
        assertEquals("+380671234567 opted out of MARKETING through Tidings", message.suppressedReason());
    }

    @Test
    public void emailAddressesAreOnlyTrimmed() {
        BusinessEvent event = io.tidings.rules.Fixtures.event("order.created")
                .data("contact_information", map("email", "  Olena.Koval@Example.UA ", "consent", map("email", true)))
                .build();
        RulePlan plan = planner.plan(rule("order.created").templates("mail").build(), event, MEDIA, NOW);
        assertEquals("Olena.Koval@Example.UA", plan.messages().get(0).recipient());
    }

    @Test
    public void canonicalFormsForTheEngine() {
        CanonicalAddresses ukrainian = new CanonicalAddresses("UA");
        assertEquals(Optional.of("+380671234567"), ukrainian.canonical("(067) 123-45-67"));
        assertEquals(Optional.of("+33612345678"), ukrainian.canonical("06 12 34 56 78", "FR"));
        assertEquals(Optional.of("olena@example.ua"), ukrainian.canonical(" olena@example.ua"));
        assertEquals(Optional.empty(), ukrainian.canonical("12"));
        assertEquals(Optional.empty(), ukrainian.canonical("  "));
        assertEquals(Optional.empty(), new CanonicalAddresses(null).canonical("067 123 45 67"));
        assertEquals("UA", new CanonicalAddresses(" ua ").defaultRegion());
    }
}
