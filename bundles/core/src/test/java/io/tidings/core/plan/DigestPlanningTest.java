package io.tidings.core.plan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.Digest;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RulePlan;
import io.tidings.core.store.DigestPlan;
import io.tidings.core.store.OutboxRepository;

/** A digest rule's messages join windows instead of being queued; a cancel takes its entity out; explain says which. */
public class DigestPlanningTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(1);

    private static final NotificationRule DIGEST = new NotificationRule("order-digest", "Замовлення", "order.status_changed",
            null, List.of(), null, List.of("order-digest-email"), List.of(), Purpose.TRANSACTIONAL, null, true, null, false,
            null, null, null, null, null, new Digest(WINDOW));

    /** Plans one message to the contact for any event. */
    private static final RuleEngine TO_THE_CONTACT = new RuleEngine() {
        @Override
        public void validate(NotificationRule rule) {
        }

        @Override
        public RulePlan plan(NotificationRule rule, BusinessEvent event, Map<String, Medium> media, Instant now,
                io.tidings.api.rule.PlanContext context) {
            return new RulePlan(rule.key(), true, null, List.of(new PlannedMessage("order-digest-email", Medium.EMAIL,
                    "olena@example.com", "Олена", "uk", now, null)));
        }
    };

    /** A store whose only open window is {@code open} (null: none), asked nothing else. */
    private static OutboxRepository windows(Instant open) {
        return (OutboxRepository) Proxy.newProxyInstance(OutboxRepository.class.getClassLoader(),
                new Class<?>[] {OutboxRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("openDigest")) {
                        assertEquals("order-digest|order-digest-email|olena@example.com", args[0]);
                        return Optional.ofNullable(open);
                    }
                    if (method.getName().equals("pendingReminders")) {
                        return List.of();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Planner planner(OutboxRepository outbox) {
        return new Planner(TO_THE_CONTACT, null, Clock.fixed(NOW, ZoneOffset.UTC), outbox, null, null);
    }

    private static BusinessEvent event(String id, String type, String order) {
        return new BusinessEvent(id, type, OffsetDateTime.parse("2026-12-07T12:00:00+02:00"), null,
                new EntityRef("order", order), Map.of("order", Map.of("number", order)));
    }

    @Test
    public void aDigestRulesMessageJoinsAWindowEndingAWindowLaterInsteadOfBeingQueued() {
        Planner.Plan plan = planner(windows(null)).planEvent(event("e-1", "order.status_changed", "1001"),
                List.of(DIGEST), key -> Optional.empty());
        assertTrue(plan.communications().isEmpty());
        DigestPlan.Join join = plan.digests().joins().get(0);
        assertEquals("order-digest|order-digest-email|olena@example.com", join.key());
        assertEquals(CommunicationStatus.SCHEDULED, join.opening().status());
        assertEquals(NOW.plus(WINDOW), join.opening().notBefore());
        assertEquals("e-1", join.opening().eventId());
    }

    @Test
    public void aCancelledEntityLeavesTheRulesDigests() {
        Planner.Plan plan = planner(windows(null)).planEvent(event("c-1", "order.cancelled", "1001"), List.of(DIGEST),
                key -> Optional.empty());
        assertTrue(plan.digests().joins().isEmpty());
        DigestPlan.Leave leave = plan.digests().leaves().get(0);
        assertEquals("order-digest", leave.ruleKey());
        assertEquals(new EntityRef("order", "1001"), leave.entity());
        assertTrue(leave.reason(), leave.reason().contains("order.cancelled"));
    }

    @Test
    public void explainSaysWhetherTheMessageOpensOrJoinsAWindow() {
        RulePlan opens = planner(windows(null)).explain(event("e-1", "order.status_changed", "1001"), List.of(DIGEST),
                key -> Optional.empty()).get(0);
        assertEquals("opens a digest window until 2026-12-07T11:00:00Z", opens.reason());
        Planner joining = planner(windows(NOW.plusSeconds(600)));
        joining.capNotes((rule, recipient, now) -> "frequency cap 2 per P1D: 1 already sent to this contact in the period");
        RulePlan joins = joining.explain(event("e-2", "order.status_changed", "1002"), List.of(DIGEST),
                key -> Optional.empty()).get(0);
        assertEquals("joins the digest window open until 2026-12-07T10:10:00Z; "
                + "frequency cap 2 per P1D: 1 already sent to this contact in the period", joins.reason());
    }

    @Test
    public void aDigestRendersWithItsItemsAndCount() {
        BusinessEvent first = event("e-1", "order.status_changed", "1001");
        BusinessEvent second = event("e-2", "order.status_changed", "1002");
        OutboxRepository items = (OutboxRepository) Proxy.newProxyInstance(OutboxRepository.class.getClassLoader(),
                new Class<?>[] {OutboxRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("digestItems")) {
                        return List.of(first, second);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Digests digests = new Digests(key -> Optional.of(DIGEST).filter(r -> r.key().equals(key)), items);
        Map<?, ?> digest = digestOf(digests, "order-digest", first);
        assertEquals(2, digest.get("count"));
        assertEquals(List.of(first.data(), second.data()), digest.get("items"));
        assertTrue("another rule's message has no digest", digests.renderData(communication("other", first), first)
                .isEmpty());
    }

    private static Map<?, ?> digestOf(Digests digests, String rule, BusinessEvent event) {
        return (Map<?, ?>) digests.renderData(communication(rule, event), event).get("digest");
    }

    private static io.tidings.api.Communication communication(String rule, BusinessEvent event) {
        return new io.tidings.api.Communication("d-1", event.id(), event.entity(), rule, "order-digest-email", null,
                Medium.EMAIL, null, "olena@example.com", "uk", CommunicationStatus.SENDING, null, 0, NOW, NOW, null, null,
                null, null);
    }
}
