package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.Test;

import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;

/** Notification rules. */
public class JdbcRulesTest extends RepositoryContract {

    @Test
    public void rulesRoundTripWithEveryField() {
        NotificationRule rule = new NotificationRule("vip-ready", "VIP — замовлення готове", "order.status_changed",
                "ready", List.of("kyiv", "lviv"), "order.total > 100 && contact_information.segment == 'vip'",
                List.of("order-ready-email", "order-ready-sms"), List.of("contact_information", "order.manager_email",
                        "shop@example.com"), Purpose.MARKETING, Duration.ofHours(1), false);
        store.rules().saveRule(rule);
        assertEquals(rule, store.rules().rule("vip-ready").orElseThrow());
        NotificationRule edited = new NotificationRule("vip-ready", "VIP", "order.created", null, List.of(), null,
                List.of("t"), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true);
        store.rules().saveRule(edited);
        assertEquals(List.of(edited), store.rules().rules());
        assertTrue(store.rules().deleteRule("vip-ready"));
        assertFalse(store.rules().deleteRule("vip-ready"));
        assertTrue(store.rules().rules().isEmpty());
    }

    @Test
    public void aRulesFrequencyCapRoundTrips() {
        NotificationRule capped = new NotificationRule("weekly-offer", "Пропозиція тижня", "campaign.offer", null,
                List.of(), null, List.of("offer"), List.of(), Purpose.MARKETING, null, true, null, false, null, null, null,
                null, new io.tidings.api.rule.FrequencyCap(2, Duration.ofDays(1)));
        store.rules().saveRule(capped);
        assertEquals(capped, store.rules().rule("weekly-offer").orElseThrow());
        assertEquals("frequency cap: 2 per P1D", store.rules().rule("weekly-offer").orElseThrow().frequencyCap().reason());
    }

    @Test
    public void aRulesDigestWindowRoundTrips() {
        NotificationRule digest = new NotificationRule("order-digest", "Ordreoversigt", "order.status_changed", null,
                List.of(), null, List.of("order-digest-email"), List.of(), Purpose.TRANSACTIONAL, null, true, null, false,
                null, null, null, null, null, new io.tidings.api.rule.Digest(Duration.ofMinutes(90)));
        store.rules().saveRule(digest);
        assertEquals(digest, store.rules().rule("order-digest").orElseThrow());
        assertEquals(Duration.ofMinutes(90), store.rules().rules().get(0).digest().window());
    }

    @Test
    public void aRulesReplyToRoundTripsAndNoneStaysNone() {
        NotificationRule rule = new NotificationRule("order-ready-email", "Commande prête", "order.status_changed",
                "ready", List.of(), null, List.of("order-ready-email"), List.of(), Purpose.TRANSACTIONAL, null, true,
                null, false, null, null, null, null, null, null, "service-client@boutique.example.fr");
        store.rules().saveRule(rule);
        assertEquals(rule, store.rules().rule("order-ready-email").orElseThrow());
        store.rules().saveRule(rule.withReplyTo(null));
        assertEquals(null, store.rules().rules().get(0).replyTo());
    }
}
