package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionScope;

/** The suppression list. */
public class JdbcSuppressionsTest extends RepositoryContract {

    @Test
    public void anEntryIsFoundInAnyCaseOfTheEmailAddressAndRemoved() {
        store.suppressions().save(new Suppression("Ann@Example.COM", SuppressionScope.ALL, "550 5.1.1 user unknown", NOW));
        Suppression found = store.suppressions().find("ann@example.com").orElseThrow();
        assertEquals(new Suppression("ann@example.com", SuppressionScope.ALL, "550 5.1.1 user unknown", NOW), found);
        assertTrue(store.suppressions().remove("ANN@example.com"));
        assertTrue(store.suppressions().find("ann@example.com").isEmpty());
        assertFalse("not on the list any more", store.suppressions().remove("ann@example.com"));
    }

    @Test
    public void aComplaintDoesNotNarrowAHardBounceButAHardBounceWidensAComplaint() {
        store.suppressions().save(new Suppression("bo@example.dk", SuppressionScope.ALL, "hard bounce", NOW));
        Suppression kept = store.suppressions().save(new Suppression("bo@example.dk", SuppressionScope.MARKETING,
                "complaint", NOW.plusSeconds(60)));
        assertEquals(new Suppression("bo@example.dk", SuppressionScope.ALL, "hard bounce", NOW), kept);
        assertEquals(kept, store.suppressions().find("bo@example.dk").orElseThrow());

        store.suppressions().save(new Suppression("+4520123456", SuppressionScope.MARKETING, "complaint", NOW));
        store.suppressions().save(new Suppression("+4520123456", SuppressionScope.ALL, "added by hand",
                NOW.plusSeconds(60)));
        assertEquals(new Suppression("+4520123456", SuppressionScope.ALL, "added by hand", NOW.plusSeconds(60)),
                store.suppressions().find("+4520123456").orElseThrow());
    }

    @Test
    public void theEntriesOfABatchAreReadAtOnceByTheAddressAsAsked() {
        store.suppressions().save(new Suppression("olena@example.com", SuppressionScope.ALL, "bounced", NOW));
        store.suppressions().save(new Suppression("+380671234567", SuppressionScope.MARKETING, "complained", NOW));
        Map<String, Suppression> found = store.suppressions().suppressionsOf(
                List.of("Olena@Example.com", "olena@example.com", "+380671234567", "+4520123456"));
        assertEquals(3, found.size());
        assertEquals("bounced", found.get("Olena@Example.com").reason());
        assertEquals("bounced", found.get("olena@example.com").reason());
        assertEquals(SuppressionScope.MARKETING, found.get("+380671234567").scope());
        assertTrue(store.suppressions().suppressionsOf(List.of()).isEmpty());
    }

    @Test
    public void theListShowsTheNewestFirstWithinTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.suppressions().save(new Suppression("n" + i + "@example.com", SuppressionScope.ALL, "r" + i,
                    NOW.plusSeconds(i)));
        }
        List<Suppression> newest = store.suppressions().list(2);
        assertEquals(List.of("n4@example.com", "n3@example.com"), newest.stream().map(Suppression::address).toList());
    }

    @Test
    public void softBouncesCountWithinTheirWindowAndOlderOnesGo() {
        assertEquals(1, store.suppressions().recordSoftBounce("Ida@Example.dk", NOW.minusSeconds(3600), NOW.minusSeconds(7200)));
        assertEquals(2, store.suppressions().recordSoftBounce("ida@example.dk", NOW, NOW.minusSeconds(7200)));
        assertEquals("the first is outside the window now", 2,
                store.suppressions().recordSoftBounce("ida@example.dk", NOW.plusSeconds(60), NOW.minusSeconds(60)));
        assertEquals(1, store.suppressions().recordSoftBounce("bo@example.dk", NOW, NOW.minusSeconds(60)));
    }

    @Test
    public void erasingAContactKeepsItsSuppression() {
        BusinessEvent event = event("e-suppressed");
        store.outbox().ingest(event, List.of(queued(event, "taras@example.com", NOW)));
        store.suppressions().save(new Suppression("taras@example.com", SuppressionScope.ALL, "bounced", NOW));
        store.suppressions().recordSoftBounce("taras@example.com", NOW, NOW.minusSeconds(60));
        assertEquals(1, store.record().erase("taras@example.com").communications());
        assertEquals("its soft bounces went with it", 1,
                store.suppressions().recordSoftBounce("taras@example.com", NOW, NOW.minusSeconds(60)));
        assertEquals("bounced", store.suppressions().find("taras@example.com").orElseThrow().reason());
    }
}
