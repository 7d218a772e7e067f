package io.tidings.rest.auth;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The scrape token opens the metrics to a bearer of the exact token, and nothing else. */
public class ScrapeTokenTest {

    private static final String TOKEN = "s3cr3t-scrape-token-0123456789";

    @Test
    public void theExactTokenOpensTheMetricsOnly() {
        ScrapeToken token = new ScrapeToken(TOKEN);
        assertTrue(token.opens("GET", "/metrics/prometheus", "Bearer " + TOKEN));
        assertTrue(token.opens("GET", "/metrics", "bearer " + TOKEN));
        assertFalse(token.opens("GET", "/communications", "Bearer " + TOKEN));
        assertFalse(token.opens("POST", "/metrics", "Bearer " + TOKEN));
        assertFalse(token.opens("GET", "/metrics", "Bearer " + TOKEN + "x"));
        assertFalse(token.opens("GET", "/metrics", "Bearer " + TOKEN.substring(1)));
        assertFalse(token.opens("GET", "/metrics", "Basic " + TOKEN));
        assertFalse(token.opens("GET", "/metrics", null));
    }

    @Test
    public void noTokenOrAShortOneOpensNothing() {
        assertFalse(new ScrapeToken("").opens("GET", "/metrics", "Bearer "));
        assertFalse(new ScrapeToken(null).opens("GET", "/metrics", "Bearer null"));
        ScrapeToken shortToken = new ScrapeToken("short");
        assertFalse(shortToken.configured());
        assertFalse(shortToken.opens("GET", "/metrics", "Bearer short"));
    }
}
