package io.tidings.rules.recipient;

import static io.tidings.rules.Fixtures.NOW;
import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RulePlan;
import io.tidings.rules.engine.RulePlanner;

/** The three kinds of recipient entry, for each medium, through the planner. */
public class RecipientsTest {

    private static final Map<String, Medium> MEDIA = Map.of("bekraeftelse-mail", Medium.EMAIL, "bekraeftelse-sms", Medium.SMS);

    private final RulePlanner planner = new RulePlanner(Duration.ofMillis(250), 100);

    /** A Danish booking: the customer, the stylist and the salon's own inbox. */
    private static BusinessEvent booking() {
        return event("booking.created").location("koebenhavn")
                .data("booking", map("status", "bekræftet", "stylist_email", "søren@salon.dk",
                        "stylist_phone", "+4520123456", "cc", List.of("kasse@salon.dk", "+4531313131", "bogholderi@salon.dk")))
                .data("contact_information", map("name", "Søren Kierkegaard-Østergård", "email", "soren@example.dk",
                        "phone", "+45 20 12 34 56", "preferred_language", "da",
                        "consent", map("email", true, "sms", true)))
                .data("client", map("name", "Åse Ærø", "email", "aase@example.dk", "consent", map("email", true)))
                .build();
    }

    private List<PlannedMessage> messages(String template, String... recipients) {
        RulePlan plan = planner.plan(rule("booking.created").templates(template).recipients(recipients).build(), booking(),
                MEDIA, NOW);
        assertTrue(plan.reason(), plan.matched());
        return plan.messages();
    }

    @Test
    public void contactGivesAddressNameAndLanguagePerMedium() {
        PlannedMessage mail = messages("bekraeftelse-mail", "contact_information").get(0);
        assertEquals("soren@example.dk", mail.recipient());
        assertEquals("Søren Kierkegaard-Østergård", mail.recipientName());
        assertEquals("da", mail.language());
        assertNull(mail.suppressedReason());

        PlannedMessage sms = messages("bekraeftelse-sms", "contact_information").get(0);
        assertEquals("in E.164, as opt-outs and erasure keep it", "+4520123456", sms.recipient());
        assertEquals(Medium.SMS, sms.medium());
        assertNull(sms.suppressedReason());
    }

    @Test
    public void anyDataKeyHoldingAContactMapIsAContact() {
        PlannedMessage mail = messages("bekraeftelse-mail", "client").get(0);
        assertEquals("aase@example.dk", mail.recipient());
        assertEquals("Åse Ærø", mail.recipientName());
        assertNull(mail.language());
    }

    @Test
    public void contactWithoutTheMediumsAddressIsSuppressed() {
        PlannedMessage sms = messages("bekraeftelse-sms", "client").get(0);
        assertNull(sms.recipient());
        assertEquals("no phone number for client", sms.suppressedReason());

        BusinessEvent typo = event("booking.created")
                .data("contact_information", map("name", "Mette", "email", "mette(at)example.dk", "consent", map("email", true)))
                .build();
        PlannedMessage invalid = planner.plan(rule("booking.created").templates("bekraeftelse-mail").build(), typo, MEDIA, NOW)
                .messages().get(0);
        assertNull(invalid.recipient());
        assertEquals("contact_information.email is not a valid email address", invalid.suppressedReason());

        PlannedMessage absent = messages("bekraeftelse-mail", "payer").get(0);
        assertNull(absent.recipient());
        assertEquals("no email address for payer", absent.suppressedReason());
    }

    @Test
    public void fieldPathGivesTheAddressForItsMedium() {
        PlannedMessage mail = messages("bekraeftelse-mail", "booking.stylist_email").get(0);
        assertEquals("søren@salon.dk", mail.recipient());
        assertNull(mail.recipientName());
        assertNull(mail.suppressedReason());

        PlannedMessage sms = messages("bekraeftelse-sms", "booking.stylist_phone").get(0);
        assertEquals("+4520123456", sms.recipient());
        assertNull(sms.suppressedReason());

        PlannedMessage wrongMedium = messages("bekraeftelse-sms", "booking.stylist_email").get(0);
        assertNull(wrongMedium.recipient());
        assertEquals("no phone number for booking.stylist_email", wrongMedium.suppressedReason());

        PlannedMessage missing = messages("bekraeftelse-mail", "booking.manager_email").get(0);
        assertNull(missing.recipient());
        assertEquals("no email address for booking.manager_email", missing.suppressedReason());
    }

    @Test
    public void fieldWithAListGivesEachAddressOfTheMedium() {
        List<PlannedMessage> mails = messages("bekraeftelse-mail", "booking.cc");
        assertEquals(List.of("kasse@salon.dk", "bogholderi@salon.dk"), mails.stream().map(PlannedMessage::recipient).toList());
        List<PlannedMessage> sms = messages("bekraeftelse-sms", "booking.cc");
        assertEquals(List.of("+4531313131"), sms.stream().map(PlannedMessage::recipient).toList());
    }

    @Test
    public void fixedAddressGoesOnlyToItsOwnMedium() {
        List<PlannedMessage> mails = messages("bekraeftelse-mail", "reception@salon.dk", "+4570101010");
        assertEquals(1, mails.size());
        assertEquals("reception@salon.dk", mails.get(0).recipient());
        assertNull(mails.get(0).suppressedReason());

        List<PlannedMessage> sms = messages("bekraeftelse-sms", "reception@salon.dk", "+4570101010");
        assertEquals(1, sms.size());
        assertEquals("+4570101010", sms.get(0).recipient());
        assertNull(sms.get(0).suppressedReason());
    }

    @Test
    public void allKindsTogetherInTheRulesOrderAndOneMessagePerAddress() {
        List<PlannedMessage> mails = messages("bekraeftelse-mail", "contact_information", "booking.stylist_email",
                "reception@salon.dk", "soren@example.dk");
        assertEquals(List.of("soren@example.dk", "søren@salon.dk", "reception@salon.dk"),
                mails.stream().map(PlannedMessage::recipient).toList());
    }

    @Test
    public void entryKindsAreValidated() {
        RecipientResolver resolver = new RecipientResolver();
        resolver.validate(List.of("contact_information", "order.manager_email", "kasse@salon.dk", "+4570101010"));
    }

    /** A medium a channel declares: the contact's field of its name, its consent flag, no fixed addresses. */
    @Test
    public void anotherMediumTakesTheContactsFieldOfItsNameAndItsConsent() {
        Medium push = Medium.of("PUSH");
        BusinessEvent event = event("booking.created")
                .data("booking", map("cc", List.of("kasse@salon.dk", "+4531313131")))
                .data("contact_information", map("name", "Søren", "push", "device-token-7", "email", "soren@example.dk",
                        "consent", map("push", true)))
                .data("client", map("name", "Åse", "push", "device-token-8", "consent", map("sms", true)))
                .build();
        RulePlan plan = planner.plan(rule("booking.created").templates("booking-push")
                .recipients("contact_information", "client", "kasse@salon.dk", "+4531313131").build(), event,
                Map.of("booking-push", push), NOW);
        assertTrue(plan.reason(), plan.matched());
        assertEquals("the fixed email address and phone number are not PUSH addresses", 2, plan.messages().size());
        PlannedMessage contact = plan.messages().get(0);
        assertEquals(push, contact.medium());
        assertEquals("device-token-7", contact.recipient());
        assertNull(contact.suppressedReason());
        PlannedMessage client = plan.messages().get(1);
        assertEquals("no consent for PUSH (client.consent.push)", client.suppressedReason());
    }
}
