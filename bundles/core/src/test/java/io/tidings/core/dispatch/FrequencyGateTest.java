package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.FrequencyCap;
import io.tidings.api.rule.NotificationRule;

/** Frequency caps counted from the record and within the batch being checked. */
public class FrequencyGateTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final InMemoryQueue queue = new InMemoryQueue();

    private static NotificationRule rule(String key, Purpose purpose, FrequencyCap cap) {
        return new NotificationRule(key, key, "campaign.offer", null, List.of(), null, List.of("t"), List.of(), purpose,
                null, true, null, false, null, null, null, null, cap);
    }

    private final Map<String, NotificationRule> rules = Map.of(
            "offer", rule("offer", Purpose.MARKETING, null),
            "other-offer", rule("other-offer", Purpose.MARKETING, null),
            "capped-bill", rule("capped-bill", Purpose.TRANSACTIONAL, new FrequencyCap(1, Duration.ofHours(1))),
            "bill", rule("bill", Purpose.TRANSACTIONAL, null));

    private FrequencyGate gate(Map<Purpose, FrequencyCap> defaults) {
        return new FrequencyGate(queue, defaults, key -> Optional.ofNullable(rules.get(key)));
    }

    private static Communication message(String id, String rule, String recipient, CommunicationStatus status,
            Instant sentAt) {
        return new Communication(id, "e-" + id, new EntityRef("campaign", "c"), rule, "t", null, Medium.EMAIL, null,
                recipient, "uk", status, null, 0, NOW, NOW, sentAt, null, null, null);
    }

    private void sent(String id, String rule, String recipient, Instant at) {
        queue.add(message(id, rule, recipient, CommunicationStatus.SENT, at), null, null);
    }

    @Test
    public void aPurposeDefaultCountsEveryRuleOfThePurposeWithinItsPeriod() {
        FrequencyGate gate = gate(Map.of(Purpose.MARKETING, new FrequencyCap(2, Duration.ofDays(1))));
        sent("s1", "offer", "olena@example.com", NOW.minus(Duration.ofHours(3)));
        sent("s2", "other-offer", "olena@example.com", NOW.minus(Duration.ofDays(2))); // outside the period
        Communication second = message("m1", "other-offer", "olena@example.com", CommunicationStatus.SENDING, null);
        Communication third = message("m2", "offer", "olena@example.com", CommunicationStatus.SENDING, null);
        Communication elsewhere = message("m3", "offer", "soren@example.dk", CommunicationStatus.SENDING, null);
        FrequencyGate.Checked checked = gate.of(List.of(second, third, elsewhere), NOW);
        assertNull(checked.refusal(second, rules.get("other-offer"), NOW));
        assertEquals("frequency cap: 2 per P1D", checked.refusal(third, rules.get("offer"), NOW));
        assertNull(checked.refusal(elsewhere, rules.get("offer"), NOW));
    }

    @Test
    public void transactionalMessagesAreSparedUnlessTheirRuleHasACap() {
        FrequencyGate gate = gate(Map.of(Purpose.TRANSACTIONAL, new FrequencyCap(1, Duration.ofDays(1)),
                Purpose.MARKETING, new FrequencyCap(1, Duration.ofDays(1))));
        sent("s1", "bill", "olena@example.com", NOW.minusSeconds(60));
        sent("s2", "capped-bill", "olena@example.com", NOW.minusSeconds(60));
        Communication bill = message("m1", "bill", "olena@example.com", CommunicationStatus.SENDING, null);
        Communication capped = message("m2", "capped-bill", "olena@example.com", CommunicationStatus.SENDING, null);
        FrequencyGate.Checked checked = gate.of(List.of(bill, capped), NOW);
        assertNull(checked.refusal(bill, rules.get("bill"), NOW));
        assertEquals("frequency cap: 1 per PT1H", checked.refusal(capped, rules.get("capped-bill"), NOW));
        assertNull("a message an agent wrote is never capped", checked.refusal(bill, null, NOW));
    }

    @Test
    public void explainCountsWhatTheContactWasSentInThePeriod() {
        FrequencyGate gate = gate(Map.of(Purpose.MARKETING, new FrequencyCap(2, Duration.ofDays(1))));
        sent("s1", "offer", "olena@example.com", NOW.minus(Duration.ofHours(3)));
        assertEquals("frequency cap 2 per P1D: 1 already sent to this contact in the period",
                gate.explain(rules.get("offer"), "olena@example.com", NOW));
        sent("s2", "other-offer", "olena@example.com", NOW.minus(Duration.ofHours(1)));
        assertEquals("frequency cap 2 per P1D: 2 already sent to this contact in the period; this message would be "
                + "SUPPRESSED (frequency cap: 2 per P1D)", gate.explain(rules.get("offer"), "olena@example.com", NOW));
        assertNull(gate.explain(rules.get("bill"), "olena@example.com", NOW));
    }
}
