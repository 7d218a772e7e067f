package io.tidings.itests.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.Reminder;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/**
 * Reminders through the real store: scheduled by the first event carrying the time, moved by a
 * reschedule (and pointed at the newer event), cancelled by a cancellation, suppressed when their
 * appointment passed while nobody sent them; and opt-outs recorded by Tidings.
 */
public class ReminderLifecycleTest {

    private Engine engine;

    @Before
    public void start() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(200)));
        engine.store.templates().saveTemplate(new Template("booking-reminder", "Booking reminder", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("See you soon", "<p>Dear #contact_information.name</p>", null)), 0));
        engine.save(new NotificationRule("booking-reminder", "Reminder", "booking.confirmed", null, List.of(), null,
                List.of("booking-reminder"), List.of(), Purpose.TRANSACTIONAL, null, true,
                new Reminder("booking.start_at", Duration.ofHours(2), null, null), false, null, null, null));
    }

    @After
    public void stop() {
        engine.close();
    }

    private static BusinessEvent booking(String id, String type, OffsetDateTime start) {
        Map<String, Object> booking = start == null ? Map.of("status", type.substring(8))
                : Map.of("status", type.substring(8), "start_at", start.toString());
        return new BusinessEvent(id, type, OffsetDateTime.now(ZoneOffset.UTC), null, new EntityRef("booking", "b-7"),
                Map.of("booking", booking, "contact_information", Map.of("name", "Ida", "email", "ida@example.dk",
                        "consent", Map.of("email", true))));
    }

    private Communication only(List<String> ids) {
        assertEquals(1, ids.size());
        return engine.communication(ids.get(0)).orElseThrow();
    }

    @Test
    public void aRescheduleMovesThePendingReminderAndACancellationCancelsIt() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.SECONDS);
        Communication reminder = only(engine.ingest.submit(booking("e1", "booking.confirmed", start)).communicationIds());
        assertEquals(CommunicationStatus.SCHEDULED, reminder.status());
        assertEquals(start.toInstant().minus(Duration.ofHours(2)), reminder.notBefore());

        // a second confirmation of the same booking creates no second reminder
        assertTrue(engine.ingest.submit(booking("e2", "booking.confirmed", start)).communicationIds().isEmpty());

        OffsetDateTime later = start.plusDays(1);
        assertTrue(engine.ingest.submit(booking("e3", "booking.rescheduled", later)).communicationIds().isEmpty());
        Communication moved = engine.communication(reminder.id()).orElseThrow();
        assertEquals(CommunicationStatus.SCHEDULED, moved.status());
        assertEquals(later.toInstant().minus(Duration.ofHours(2)), moved.notBefore());
        assertEquals("the message renders the newer event", "e3", moved.eventId());
        assertTrue(moved.statusReason(), moved.statusReason().startsWith("moved by booking.rescheduled"));

        engine.ingest.submit(booking("e4", "booking.cancelled", null));
        Communication cancelled = engine.communication(reminder.id()).orElseThrow();
        assertEquals(CommunicationStatus.CANCELLED, cancelled.status());
        assertEquals("cancelled by booking.cancelled (event e4)", cancelled.statusReason());
    }

    @Test
    public void aRescheduleToWithinTheOffsetSuppressesTheReminder() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);
        Communication reminder = only(engine.ingest.submit(booking("s1", "booking.confirmed", start)).communicationIds());
        engine.ingest.submit(booking("s2", "booking.rescheduled", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30)));
        Communication suppressed = engine.communication(reminder.id()).orElseThrow();
        assertEquals(CommunicationStatus.SUPPRESSED, suppressed.status());
        assertTrue(suppressed.statusReason(), suppressed.statusReason().contains("has passed"));
    }

    @Test
    public void aReminderWhoseAppointmentPassedUnsentIsSuppressedNotSentLate() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);
        Communication reminder = only(engine.ingest.submit(booking("x1", "booking.confirmed", start)).communicationIds());
        // as the dispatcher does on its first round after a start
        assertEquals(1, engine.store.outbox().suppressExpiredReminders(start.toInstant().plusSeconds(1)));
        assertEquals(CommunicationStatus.SUPPRESSED, engine.communication(reminder.id()).orElseThrow().status());
    }

    @Test
    public void anOptOutRecordedByTidingsOutranksTheHostsMarketingConsent() {
        engine.store.templates().saveTemplate(new Template("promo", "Promo", Medium.EMAIL, "en",
                Map.of("en", new TemplateContent("Offer", "<p>Hi</p>", null)), 0));
        engine.save(new NotificationRule("promo", "Promo", "booking.completed", null, List.of(), null, List.of("promo"),
                List.of(), Purpose.MARKETING, null, true));
        engine.store.consent().saveOptOut(new OptOut("IDA@example.dk", Purpose.MARKETING, Instant.now()));
        Map<String, Object> contact = Map.of("name", "Ida", "email", "ida@example.dk",
                "consent", Map.of("email", true, "marketing", true));
        BusinessEvent completed = new BusinessEvent("m1", "booking.completed", OffsetDateTime.now(ZoneOffset.UTC), null,
                new EntityRef("booking", "b-8"), Map.of("booking", Map.of("status", "completed"),
                        "contact_information", contact));
        Communication promo = only(engine.ingest.submit(completed).communicationIds());
        assertEquals(CommunicationStatus.SUPPRESSED, promo.status());
        assertEquals("ida@example.dk opted out of MARKETING through Tidings", promo.statusReason());
    }
}
