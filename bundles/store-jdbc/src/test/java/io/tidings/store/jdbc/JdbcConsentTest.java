package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;

/** Opt-outs and opt-ins. */
public class JdbcConsentTest extends RepositoryContract {

    @Test
    public void theOptOutsOfABatchAreReadAtOnce() {
        store.consent().saveOptOut(new io.tidings.api.consent.OptOut("+380671234567", Purpose.MARKETING, NOW));
        store.consent().saveOptOut(new io.tidings.api.consent.OptOut("Olena@Example.com", Purpose.TRANSACTIONAL, NOW));
        java.util.Map<String, java.util.Set<Purpose>> found = store.consent().optOutsOf(
                List.of("+380671234567", "olena@example.com", "+4520123456"));
        assertEquals(java.util.Set.of(Purpose.MARKETING), found.get("+380671234567"));
        assertEquals("by the address as asked", java.util.Set.of(Purpose.TRANSACTIONAL), found.get("olena@example.com"));
        assertEquals(2, found.size());
    }

    @Test
    public void theLatestConsentChoiceWinsAndAddressesCompareWithoutCase() {
        assertFalse(store.consent().optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));
        store.consent().saveOptOut(new OptOut("Ann@Example.com", Purpose.AFFILIATE_MARKETING, NOW));
        assertTrue(store.consent().optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));
        assertFalse(store.consent().optedOut("ann@example.com", Purpose.MARKETING));

        store.consent().saveOptIn("ANN@example.com", Purpose.AFFILIATE_MARKETING, NOW.plusSeconds(60));
        assertTrue(store.consent().optedIn("ann@example.com", Purpose.AFFILIATE_MARKETING));
        assertFalse("an opt-in withdraws the opt-out", store.consent().optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));

        store.consent().saveOptOut(new OptOut("ann@example.com", Purpose.AFFILIATE_MARKETING,
                NOW.plusSeconds(120)));
        assertFalse("an opt-out withdraws the opt-in", store.consent().optedIn("ann@example.com", Purpose.AFFILIATE_MARKETING));
        assertTrue(store.consent().optedOut("ann@example.com", Purpose.AFFILIATE_MARKETING));
    }
}
