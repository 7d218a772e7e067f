package io.tidings.rules.engine;

import static io.tidings.rules.Fixtures.event;
import static io.tidings.rules.Fixtures.map;
import static io.tidings.rules.Fixtures.rule;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.location.ClosedDate;
import io.tidings.api.location.Location;
import io.tidings.api.location.TimeRange;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlanContext;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.Reminder;
import io.tidings.api.rule.RulePlan;

/**
 * Delay, working hours across DST changes, quiet hours, both combined, reminders — each with a
 * fixed "now" passed in, as the engine's clock.
 */
public class SchedulingTest {

    private static final Map<String, Medium> MEDIA = Map.of("order-email", Medium.EMAIL);
    private final RulePlanner planner = new RulePlanner(Duration.ofMillis(250), 100);

    private static Location location(String key, String zone, String weekdays, String sunday) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day == DayOfWeek.SUNDAY) {
                hours.put(day, sunday == null ? List.of() : List.of(TimeRange.parse(sunday, "SUN")));
            } else if (day != DayOfWeek.SATURDAY) {
                hours.put(day, List.of(TimeRange.parse(weekdays, day.name())));
            }
        }
        return new Location(key, key, zone, "UA", hours);
    }

    private static BusinessEvent booking(String type, String occurredAt, String location, Object startAt, String timeZone) {
        return event(type).at(occurredAt).location(location)
                .data("booking", map("status", "confirmed", "start_at", startAt))
                .data("contact_information", map("name", "Ida Jensen", "email", "ida@example.dk", "time_zone", timeZone,
                        "consent", map("email", true, "marketing", true)))
                .build();
    }

    private PlannedMessage only(RulePlan plan) {
        assertTrue(plan.reason(), plan.matched());
        assertEquals(1, plan.messages().size());
        return plan.messages().get(0);
    }

    private PlannedMessage plan(NotificationRule rule, BusinessEvent event, Location location, String now) {
        return only(planner.plan(rule, event, MEDIA, Instant.parse(now), new PlanContext(location, null, false)));
    }

    @Test
    public void delayCountsFromTheEvent() {
        NotificationRule rule = rule("order.closed").delay(Duration.ofHours(1)).build();
        PlannedMessage m = plan(rule, booking("order.closed", "2025-03-14T12:00:00+02:00", null, null, null), null,
                "2025-03-14T10:05:00Z");
        assertEquals(Instant.parse("2025-03-14T11:00:00Z"), m.notBefore());
    }

    @Test
    public void outsideWorkingHoursInKyivWaitsForTheNextOpeningAcrossTheSpringDstChange() {
        Location kyiv = location("kyiv", "Europe/Kyiv", "09:00-18:00", null);
        NotificationRule rule = rule("booking.confirmed").workingHoursOnly().build();
        // Friday 19:00 in Kyiv (EET, +02:00); the clocks go forward on Sunday 30 March
        BusinessEvent event = booking("booking.confirmed", "2025-03-28T19:00:00+02:00", "kyiv", null, null);
        PlannedMessage m = plan(rule, event, kyiv, "2025-03-28T17:00:00Z");
        // Monday 09:00 EEST (+03:00), not 09:00 at the winter offset
        assertEquals(Instant.parse("2025-03-31T06:00:00Z"), m.notBefore());
    }

    @Test
    public void aClosedDateMovesTheMessageToTheNextOpenDay() {
        Location copenhagen = location("kbh", "Europe/Copenhagen", "09:00-17:00", null);
        copenhagen = new Location("kbh", "Østerbro", "Europe/Copenhagen", "DK", copenhagen.workingHours(),
                List.of(ClosedDate.parse("2025-12-24 Juleaften", "closedDates[0]"),
                        ClosedDate.parse("2025-12-25", "closedDates[1]"), ClosedDate.parse("2025-12-26", "x")));
        NotificationRule rule = rule("booking.confirmed").workingHoursOnly().build();
        // Tuesday 23 December 18:00: the 24th, 25th and 26th are closed, the 27th and 28th a weekend
        BusinessEvent event = booking("booking.confirmed", "2025-12-23T18:00:00+01:00", "kbh", null, null);
        PlannedMessage m = plan(rule, event, copenhagen, "2025-12-23T17:00:00Z");
        assertEquals(Instant.parse("2025-12-29T08:00:00Z"), m.notBefore());
    }

    @Test
    public void withoutWorkingHoursOnlyTheClosedDateWaits() {
        Location lyon = new Location("lyon", "Lyon", "Europe/Paris", "FR", Map.of(),
                List.of(ClosedDate.parse("2025-07-14 Fête nationale", "closedDates[0]")));
        NotificationRule rule = rule("booking.confirmed").workingHoursOnly().build();
        BusinessEvent event = booking("booking.confirmed", "2025-07-14T10:00:00+02:00", "lyon", null, null);
        PlannedMessage m = plan(rule, event, lyon, "2025-07-14T08:00:00Z");
        assertEquals("midnight in Lyon after the holiday", Instant.parse("2025-07-14T22:00:00Z"), m.notBefore());
        BusinessEvent dayAfter = booking("booking.confirmed", "2025-07-15T10:00:00+02:00", "lyon", null, null);
        assertEquals(Instant.parse("2025-07-15T08:00:00Z"), plan(rule, dayAfter, lyon, "2025-07-15T08:00:00Z")
                .notBefore());
    }

    @Test
    public void withinWorkingHoursGoesNow() {
        Location kyiv = location("kyiv", "Europe/Kyiv", "09:00-18:00", null);
        NotificationRule rule = rule("booking.confirmed").workingHoursOnly().build();
        PlannedMessage m = plan(rule, booking("booking.confirmed", "2025-03-14T12:00:00+02:00", "kyiv", null, null), kyiv,
                "2025-03-14T10:00:00Z");
        assertEquals(Instant.parse("2025-03-14T10:00:00Z"), m.notBefore());
    }

    @Test
    public void anOpeningInsideTheCopenhagenDstGapMovesToTheEndOfTheGap() {
        // Sunday 30 March 2025 02:00–03:00 does not exist in Copenhagen
        Location copenhagen = location("cph", "Europe/Copenhagen", "09:00-17:00", "02:30-12:00");
        NotificationRule rule = rule("booking.confirmed").workingHoursOnly().build();
        BusinessEvent event = booking("booking.confirmed", "2025-03-29T20:00:00+01:00", "cph", null, null);
        PlannedMessage m = plan(rule, event, copenhagen, "2025-03-29T19:00:00Z");
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"), m.notBefore());
    }

    @Test
    public void theAutumnDstChangeInCopenhagenOpensAtWinterTime() {
        Location copenhagen = location("cph", "Europe/Copenhagen", "09:00-17:00", null);
        NotificationRule rule = rule("booking.confirmed").workingHoursOnly().build();
        // Friday 24 October 18:00 CEST; the clocks go back on Sunday 26 October
        BusinessEvent event = booking("booking.confirmed", "2025-10-24T18:00:00+02:00", "cph", null, null);
        PlannedMessage m = plan(rule, event, copenhagen, "2025-10-24T16:00:00Z");
        assertEquals(Instant.parse("2025-10-27T08:00:00Z"), m.notBefore());
    }

    @Test
    public void quietHoursOfTheRecipientMoveMarketingToTheMorningInTheirZone() {
        NotificationRule rule = rule("order.closed").purpose(Purpose.MARKETING).quietHours("21:00", "09:00").build();
        // 22:30 in Kyiv
        BusinessEvent event = booking("order.closed", "2025-03-14T22:30:00+02:00", null, null, "Europe/Kyiv");
        PlannedMessage m = plan(rule, event, null, "2025-03-14T20:30:00Z");
        assertNull(m.suppressedReason());
        assertEquals(Instant.parse("2025-03-15T07:00:00Z"), m.notBefore());
    }

    @Test
    public void quietHoursBeforeMidnightEndOnTheSameMorning() {
        NotificationRule rule = rule("order.closed").quietHours("21:00", "09:00").build();
        // 06:00 in Kyiv
        BusinessEvent event = booking("order.closed", "2025-03-14T06:00:00+02:00", null, null, "Europe/Kyiv");
        assertEquals(Instant.parse("2025-03-14T07:00:00Z"), plan(rule, event, null, "2025-03-14T04:00:00Z").notBefore());
    }

    @Test
    public void workingHoursAndQuietHoursTogetherTakeTheFirstMomentBothAllow() {
        // the shop in Copenhagen opens 08:00 (07:00Z); the recipient in Kyiv is quiet until 09:30 (07:30Z)
        Location copenhagen = location("cph", "Europe/Copenhagen", "08:00-10:00", null);
        NotificationRule rule = rule("order.closed").workingHoursOnly().quietHours("21:00", "09:30").build();
        BusinessEvent event = booking("order.closed", "2025-03-14T07:30:00+01:00", "cph", null, "Europe/Kyiv");
        PlannedMessage m = plan(rule, event, copenhagen, "2025-03-14T06:30:00Z");
        assertEquals(Instant.parse("2025-03-14T07:30:00Z"), m.notBefore());
    }

    @Test
    public void windowsThatNeverMeetSuppressWithTheReason() {
        Location copenhagen = location("cph", "Europe/Copenhagen", "08:00-10:00", null);
        NotificationRule rule = rule("order.closed").workingHoursOnly().quietHours("06:00", "12:00").build();
        BusinessEvent event = booking("order.closed", "2025-03-14T07:30:00+01:00", "cph", null, "Europe/Copenhagen");
        PlannedMessage m = plan(rule, event, copenhagen, "2025-03-14T06:30:00Z");
        assertTrue(m.suppressedReason(), m.suppressedReason().contains("quiet hours"));
    }

    @Test
    public void aReminderGoesItsOffsetBeforeTheTimeField() {
        NotificationRule rule = rule("booking.confirmed")
                .reminder(new Reminder("booking.start_at", Duration.ofHours(2), null, null)).build();
        BusinessEvent event = booking("booking.confirmed", "2025-03-14T12:00:00+02:00", null,
                "2025-03-15T14:00:00+02:00", null);
        PlannedMessage m = plan(rule, event, null, "2025-03-14T10:00:00Z");
        assertEquals(Instant.parse("2025-03-15T10:00:00Z"), m.notBefore());
        assertEquals(Instant.parse("2025-03-15T12:00:00Z"), m.deadline());
    }

    @Test
    public void aReminderDefaultsTo13HoursTheDayBeforeInTheLocationsZone() {
        Location kyiv = location("kyiv", "Europe/Kyiv", "09:00-18:00", null);
        NotificationRule rule = rule("booking.confirmed").reminder(new Reminder("booking.start_at", null, null, null))
                .build();
        // the appointment is on the first day of summer time: the day before is still winter time
        BusinessEvent event = booking("booking.confirmed", "2025-03-20T12:00:00+02:00", "kyiv",
                "2025-03-31T10:00:00+03:00", null);
        PlannedMessage m = plan(rule, event, kyiv, "2025-03-20T10:00:00Z");
        assertEquals(Instant.parse("2025-03-30T10:00:00Z"), m.notBefore());
    }

    @Test
    public void aReminderAtAFixedTimeTwoDaysBefore() {
        NotificationRule rule = rule("booking.confirmed")
                .reminder(new Reminder("booking.start_at", null, 2, LocalTime.of(18, 30))).build();
        BusinessEvent event = booking("booking.confirmed", "2025-03-14T12:00:00+01:00", null,
                "2025-03-20T10:00:00+01:00", null);
        assertEquals(Instant.parse("2025-03-18T17:30:00Z"), plan(rule, event, null, "2025-03-14T11:00:00Z").notBefore());
    }

    @Test
    public void aReminderWhoseMomentHasPassedIsSuppressedWithTheReason() {
        NotificationRule rule = rule("booking.confirmed")
                .reminder(new Reminder("booking.start_at", Duration.ofHours(2), null, null)).build();
        BusinessEvent event = booking("booking.confirmed", "2025-03-14T12:00:00+02:00", null,
                "2025-03-14T13:00:00+02:00", null);
        PlannedMessage m = plan(rule, event, null, "2025-03-14T10:00:00Z");
        assertTrue(m.suppressedReason(), m.suppressedReason().startsWith("reminder moment 2025-03-14T09:00:00Z has passed"));
    }

    @Test
    public void onlyAnEntityWithTheTimeSetGetsAReminder() {
        NotificationRule rule = rule("booking.confirmed")
                .reminder(new Reminder("booking.start_at", Duration.ofHours(2), null, null)).build();
        RulePlan plan = planner.plan(rule, booking("booking.confirmed", "2025-03-14T12:00:00+02:00", null, null, null),
                MEDIA, Instant.parse("2025-03-14T10:00:00Z"));
        assertTrue(!plan.matched() && plan.reason().contains("booking.start_at is not set"));
    }

    @Test
    public void aPendingReminderIsReplannedByAnyEventOfTheEntityCarryingTheField() {
        NotificationRule rule = rule("booking.confirmed")
                .reminder(new Reminder("booking.start_at", Duration.ofHours(2), null, null)).build();
        BusinessEvent rescheduled = booking("booking.rescheduled", "2025-03-14T12:00:00+02:00", null,
                "2025-03-16T14:00:00+02:00", null);
        Instant now = Instant.parse("2025-03-14T10:00:00Z");
        assertTrue(!planner.plan(rule, rescheduled, MEDIA, now).matched());
        RulePlan update = planner.plan(rule, rescheduled, MEDIA, now, new PlanContext(null, null, true));
        assertEquals(Instant.parse("2025-03-16T10:00:00Z"), only(update).notBefore());
    }

    @Test
    public void anAddressThatOptedOutThroughTidingsGetsNoMarketingWhateverTheHostSays() {
        NotificationRule rule = rule("order.closed").purpose(Purpose.MARKETING).build();
        BusinessEvent event = booking("order.closed", "2025-03-14T12:00:00+02:00", null, null, null);
        PlanContext optedOut = new PlanContext(null,
                (address, purpose) -> address.equals("ida@example.dk") && purpose == Purpose.MARKETING, false);
        PlannedMessage m = only(planner.plan(rule, event, MEDIA, Instant.parse("2025-03-14T10:00:00Z"), optedOut));
        assertEquals("ida@example.dk opted out of MARKETING through Tidings", m.suppressedReason());
        // the same address still gets transactional messages
        NotificationRule transactional = rule("order.closed").build();
        assertNull(only(planner.plan(transactional, event, MEDIA, Instant.parse("2025-03-14T10:00:00Z"), optedOut))
                .suppressedReason());
    }
}
