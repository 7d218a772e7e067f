package io.tidings.store.jdbc;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;

/** Opt-outs and opt-ins. */
public class JdbcConsentTest extends RepositoryContract {

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
