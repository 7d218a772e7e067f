package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;

/** The rule form read into a rule, and its errors named in words next to their field. */
public class RuleFormReaderTest {

    private static View form(String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.merge(namesAndValues[i], new String[] {namesAndValues[i + 1]}, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
        return new View("/system/console/tidings", params, null, null);
    }

    @Test
    public void everyFieldOfTheFormReachesTheRule() {
        NotificationRule rule = RuleFormReader.read(form("key", "visit", "name", "Нагадування", "event",
                "booking.confirmed", "toStatus", "confirmed", "locations", "kyiv", "locations", "lviv", "condition",
                "booking.participants > 1", "templates", "visit-sms", "recipients", "contact_information",
                "recipients.other", "shop@example.com\n\n order.manager_email ", "purpose", "MARKETING", "delay", "PT1H",
                "enabled", "on", "reminder.kind", "at", "reminder.field", "booking.start_at", "reminder.daysBefore", "2",
                "reminder.at", "10:30", "workingHoursOnly", "on", "quietHours.from", "21:00", "quietHours.to", "09:00",
                "outcome", "No answer", "contactAttempt", "2", "channel", "smpp-b", "frequencyCap.max", "2",
                "frequencyCap.per", "P1D", "digest.window", "PT2H"));

        assertEquals(List.of("kyiv", "lviv"), rule.locations());
        assertEquals(List.of("contact_information", "shop@example.com", "order.manager_email"), rule.recipients());
        assertEquals(Purpose.MARKETING, rule.purpose());
        assertEquals(Duration.ofHours(1), rule.delay());
        assertTrue(rule.enabled() && rule.workingHoursOnly());
        assertEquals(2, rule.reminder().daysBefore().intValue());
        assertEquals(LocalTime.of(10, 30), rule.reminder().at());
        assertFalse(rule.reminder().isOffset());
        assertEquals(LocalTime.of(21, 0), rule.quietHours().from());
        assertEquals(2, rule.contactAttempt().intValue());
        assertEquals("frequency cap: 2 per P1D", rule.frequencyCap().reason());
        assertEquals("smpp-b", rule.channel());
        assertEquals(Duration.ofHours(2), rule.digest().window());
    }

    @Test
    public void aDigestWindowOverAWeekIsRefusedAtItsField() {
        try {
            RuleFormReader.read(form("key", "offers", "event", "campaign.offer", "templates", "offer",
                    "digest.window", "P8D"));
            fail("a window of eight days was read");
        } catch (ValidationException e) {
            assertEquals("digest.window", RuleFormReader.formField(e.field()));
            assertTrue(e.getMessage(), e.getMessage().contains("P7D"));
        }
        assertNull(RuleFormReader.read(form("key", "offers", "event", "campaign.offer", "templates", "offer"))
                .digest());
    }

    @Test
    public void aStoredRuleShowsInTheFormAsItWasSaved() {
        NotificationRule rule = RuleFormReader.read(form("key", "visit", "event", "booking.confirmed", "templates", "t",
                "reminder.kind", "before", "reminder.field", "booking.start_at", "reminder.before", "PT2H"));
        Map<String, List<String>> values = RuleForm.values(rule);

        assertEquals(List.of("before"), values.get("reminder.kind"));
        assertEquals(List.of("PT2H"), values.get("reminder.before"));
        assertNull("not enabled", values.get("enabled"));
        assertEquals(rule, RuleFormReader.read(form("key", "visit", "event", "booking.confirmed", "templates", "t",
                "reminder.kind", "before", "reminder.field", "booking.start_at", "reminder.before", "PT2H")));
    }

    @Test
    public void noReminderKindMeansNoReminderWhateverTheFieldsSay() {
        assertNull(RuleFormReader.read(form("key", "k", "reminder.kind", "none", "reminder.field", "booking.start_at"))
                .reminder());
    }

    @Test
    public void badInputIsNamedInWordsAtItsField() {
        assertRefused(form("delay", "an hour"), "delay",
                "Delay: must be an ISO-8601 duration such as PT30M, PT1H or P1D; was 'an hour'");
        assertRefused(form("reminder.kind", "before", "reminder.field", "booking.start_at"), "reminder.before",
                "Reminder: time before: is required: how long before the time, e.g. PT2H");
        assertRefused(form("quietHours.from", "21:00"), "quietHours.to",
                "Quiet hours to: is required when quiet hours are set, e.g. 21:00 to 09:00");
        assertRefused(form("frequencyCap.max", "0", "frequencyCap.per", "P1D"), "frequencyCap.max",
                "Frequency cap: messages: must be at least 1, was 0");
        assertRefused(form("contactAttempt", "two"), "contactAttempt", "Contact attempt: must be a whole number; was 'two'");
    }

    @Test
    public void theStoresFieldPathsLandOnTheFormsFields() {
        assertEquals("templates", RuleFormReader.formField("templates[0]"));
        assertEquals("locations", RuleFormReader.formField("locations[1]"));
        assertEquals("quietHours.from", RuleFormReader.formField("quietHours"));
        assertEquals("reminder.field", RuleFormReader.formField("reminder"));
        assertNull(RuleFormReader.formField("body"));
        assertEquals("Templates: at least one template is required",
                RuleFormReader.worded(new ValidationException("templates", "at least one template is required")));
    }

    private static void assertRefused(View view, String field, String words) {
        try {
            RuleFormReader.read(view);
            fail("accepted " + view.parameters().keySet());
        } catch (ValidationException e) {
            assertEquals(field, RuleFormReader.formField(e.field()));
            assertEquals(words, RuleFormReader.worded(e));
        }
    }
}
