package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.location.Location;
import io.tidings.api.location.TimeRange;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.Reminder;
import io.tidings.api.rule.RuleBulkOperation;
import io.tidings.api.rule.RulePlan;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smtp.SmtpChannel;
import io.tidings.core.plan.Planner;
import io.tidings.core.rule.CoreRuleService;
import io.tidings.core.template.CoreTemplateService;

/**
 * What an administrator does with rules, through the real store: the explain dry run on a fixed
 * clock (why each rule does or does not match, and when it would send), bulk changes applied all or
 * nothing, and a rule's preferred channel winning over priority.
 */
public class RuleAdministrationTest {

    /** Monday 23 November 2026, 07:30 in Kyiv: before the shop opens. */
    private static final Instant NOW = Instant.parse("2026-11-23T05:30:00Z");

    private Engine engine;
    private CoreRuleService rules;
    private GreenMail server;
    private SmtpChannel main;
    private SmtpChannel backup;

    @Before
    public void start() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(200)));
        rules = new CoreRuleService(engine.store.rules(), engine.rules,
                new CoreTemplateService(engine.store.templates(), engine.templates));
        engine.save(new Template("ready-mail", "Ready", Medium.EMAIL, "uk",
                Map.of("uk", new TemplateContent("Замовлення #order.number готове", null, "Шановний #contact_information.name")), 0));
        engine.save(new Template("ready-sms", "Ready SMS", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, "Замовлення #order.number готове")), 0));
        engine.store.locations().saveLocation(new Location("kyiv", "Сервіс на Хрещатику", "Europe/Kyiv", "UA",
                Map.of(java.time.DayOfWeek.MONDAY, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(18, 0))))));
        rules.save(rule("ready", "order.status_changed", "ready", List.of(), null, Purpose.TRANSACTIONAL)
                .withTemplates(List.of("ready-mail")));
    }

    @After
    public void stop() {
        engine.close();
        for (SmtpChannel c : new SmtpChannel[] {main, backup}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.stop();
        }
    }

    private static NotificationRule rule(String key, String event, String toStatus, List<String> locations,
            String condition, Purpose purpose) {
        return new NotificationRule(key, key, event, toStatus, locations, condition, List.of("ready-mail"),
                List.of("contact_information"), purpose, null, true);
    }

    private static BusinessEvent order(String id, Map<String, Object> consent) {
        return new BusinessEvent(id, "order.status_changed", OffsetDateTime.of(2026, 11, 23, 7, 30, 0, 0,
                ZoneOffset.ofHours(2)), "kyiv", new EntityRef("order", "A-17"), Map.of(
                        "order", Map.of("number", "A-17", "status", "ready", "total", 250,
                                "pickup_at", "2026-11-25T15:00:00+02:00"),
                        "contact_information", Map.of("name", "Олена", "email", "olena@example.com.ua",
                                "phone", "+380671234567", "consent", consent)));
    }

    // ---- explain

    @Test
    public void explainSaysForEveryRuleWhyAndWhenOnAFixedClockAndStoresNothing() {
        rules.save(rule("closed", "order.closed", null, List.of(), null, Purpose.TRANSACTIONAL));
        rules.save(rule("cancelled-only", "order.status_changed", "cancelled", List.of(), null, Purpose.TRANSACTIONAL));
        rules.save(rule("lviv-only", "order.status_changed", null, List.of("lviv"), null, Purpose.TRANSACTIONAL));
        rules.save(rule("big-orders", "order.status_changed", null, List.of(), "order.total > 1000", Purpose.TRANSACTIONAL));
        rules.save(rule("promo", "order.status_changed", null, List.of(), null, Purpose.MARKETING));
        rules.save(new NotificationRule("opening", "opening", "order.status_changed", "ready", List.of(), null,
                List.of("ready-sms"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true, null, true,
                null, null, null));
        rules.save(new NotificationRule("pickup-reminder", "pickup", "order.status_changed", null, List.of(), null,
                List.of("ready-mail"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true,
                new Reminder("order.pickup_at", null, 1, LocalTime.of(13, 0)), false, null, null, null));

        Planner planner = new Planner(engine.rules, engine.templates, Clock.fixed(NOW, ZoneOffset.UTC),
                engine.store.outbox(), engine.store.locations(), engine.store.consent());
        Map<String, RulePlan> plans = new java.util.HashMap<>();
        for (RulePlan plan : planner.explain(order("evt-explain", Map.of("email", true, "sms", true)), rules.rules(),
                engine.store.templates()::template)) {
            plans.put(plan.ruleKey(), plan);
        }
        assertEquals(8, plans.size());
        assertMatched(plans.get("ready"), NOW);
        assertFalse(plans.get("closed").matched());
        assertTrue(plans.get("closed").reason(), plans.get("closed").reason().contains("order.closed"));
        assertTrue(plans.get("cancelled-only").reason(), plans.get("cancelled-only").reason().contains("cancelled"));
        assertTrue(plans.get("lviv-only").reason(), plans.get("lviv-only").reason().contains("lviv"));
        assertEquals("condition is false: order.total > 1000", plans.get("big-orders").reason());
        PlannedMessage promo = only(plans.get("promo"));
        assertEquals("no consent for MARKETING (contact_information.consent.marketing)", promo.suppressedReason());
        // working hours: the shop opens at 09:00 Kyiv time (07:00 UTC)
        assertEquals(Instant.parse("2026-11-23T07:00:00Z"), only(plans.get("opening")).notBefore());
        assertEquals(Medium.SMS, only(plans.get("opening")).medium());
        // 13:00 the day before the pickup, Kyiv time
        assertEquals(Instant.parse("2026-11-24T11:00:00Z"), only(plans.get("pickup-reminder")).notBefore());

        assertTrue("a dry run stores nothing",
                engine.store.record().communications(new CommunicationQuery("order", "A-17", null, null, 0)).isEmpty());
    }

    private static void assertMatched(RulePlan plan, Instant notBefore) {
        assertTrue(plan.reason(), plan.matched());
        PlannedMessage message = only(plan);
        assertNull(message.suppressedReason());
        assertEquals("olena@example.com.ua", message.recipient());
        assertEquals(notBefore, message.notBefore());
    }

    private static PlannedMessage only(RulePlan plan) {
        assertEquals(plan.toString(), 1, plan.messages().size());
        return plan.messages().get(0);
    }

    // ---- bulk

    @Test
    public void bulkChangesApplyToTheWholeSelectionOrToNothing() {
        rules.save(rule("ready-b", "order.status_changed", "ready", List.of(), null, Purpose.TRANSACTIONAL));

        List<NotificationRule> changed = rules.apply(new RuleBulkOperation(List.of("ready", "ready-b"),
                RuleBulkOperation.SET_TEMPLATES, List.of("ready-sms"), null));
        assertEquals(2, changed.size());
        assertEquals(List.of("ready-sms"), engine.store.rules().rule("ready-b").orElseThrow().templates());

        rules.apply(new RuleBulkOperation(List.of("ready", "ready-b"), RuleBulkOperation.SET_CHANNEL, null, null, "smpp-b"));
        assertEquals("smpp-b", engine.store.rules().rule("ready").orElseThrow().channel());
        rules.apply(new RuleBulkOperation(List.of("ready"), RuleBulkOperation.SET_CHANNEL, null, null, ""));
        assertNull("a blank channel routes by priority again", engine.store.rules().rule("ready").orElseThrow().channel());

        rules.apply(new RuleBulkOperation(List.of("ready", "ready-b"), RuleBulkOperation.COPY_TO_LOCATIONS, null,
                List.of("lviv", "odesa"), null));
        NotificationRule copy = engine.store.rules().rule("ready-b-odesa").orElseThrow();
        assertEquals(List.of("odesa"), copy.locations());
        assertEquals("smpp-b", copy.channel());
        assertEquals(6, engine.store.rules().rules().size());

        // an unknown rule, a second copy, a bad channel or an unknown template: nothing changes
        List<NotificationRule> before = engine.store.rules().rules();
        rejected(new RuleBulkOperation(List.of("ready", "nope"), RuleBulkOperation.DELETE, null, null), "rules[1]");
        rejected(new RuleBulkOperation(List.of("ready", "ready-b"), RuleBulkOperation.COPY_TO_LOCATIONS, null,
                List.of("kharkiv", "lviv"), null), "locations[1]");
        rejected(new RuleBulkOperation(List.of("ready"), RuleBulkOperation.SET_CHANNEL, null, null, "smpp b!"),
                "rules[ready].channel");
        rejected(new RuleBulkOperation(List.of("ready"), RuleBulkOperation.SET_TEMPLATES, List.of("ready-sms", "gone"),
                null), "templates[1]");
        rejected(new RuleBulkOperation(List.of("ready"), "rename", null, null), "action");
        assertEquals(before, engine.store.rules().rules());

        rules.apply(new RuleBulkOperation(List.of("ready-lviv", "ready-odesa"), RuleBulkOperation.DELETE, null, null));
        assertTrue(engine.store.rules().rule("ready-lviv").isEmpty());
        assertEquals(4, engine.store.rules().rules().size());
    }

    private void rejected(RuleBulkOperation operation, String field) {
        try {
            rules.apply(operation);
            fail("accepted " + operation);
        } catch (ValidationException e) {
            assertEquals(e.getMessage(), field, e.field());
        }
    }

    // ---- preferred channel

    @Test
    public void aRulesPreferredChannelWinsOverPriorityAndFailsOverWhenItIsDown() throws Exception {
        int port = Engine.freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        main = Engine.smtp("smtp-main", port);
        backup = Engine.smtp("smtp-backup", port);
        engine.addChannel(main, "smtp-main", "EMAIL", 10);
        engine.addChannel(backup, "smtp-backup", "EMAIL", 1);
        engine.dispatcher.rules(engine.store.rules()::rule);

        assertEquals("smtp-main", sentThrough(engine.ingest.submit(order("evt-1", Map.of("email", true)))
                .communicationIds().get(0)));
        rules.apply(new RuleBulkOperation(List.of("ready"), RuleBulkOperation.SET_CHANNEL, null, null, "smtp-backup"));
        assertEquals("smtp-backup", sentThrough(engine.ingest.submit(order("evt-2", Map.of("email", true)))
                .communicationIds().get(0)));
        // a preferred channel that is not installed: priority decides
        rules.apply(new RuleBulkOperation(List.of("ready"), RuleBulkOperation.SET_CHANNEL, null, null, "smtp-gone"));
        assertEquals("smtp-main", sentThrough(engine.ingest.submit(order("evt-3", Map.of("email", true)))
                .communicationIds().get(0)));
        assertEquals(3, server.getReceivedMessages().length);
    }

    private String sentThrough(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.communication(id).orElseThrow().status()
                == CommunicationStatus.SENT);
        Communication sent = engine.communication(id).orElseThrow();
        return sent.channel();
    }
}
