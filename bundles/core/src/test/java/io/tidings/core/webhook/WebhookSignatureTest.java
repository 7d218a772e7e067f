package io.tidings.core.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** The signature is HMAC-SHA256 over the exact body bytes, as a host recomputes it. */
public class WebhookSignatureTest {

    @Test
    public void matchesTheRfc4231TestVector() {
        // RFC 4231, test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.of("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), "Jefe"));
    }

    @Test
    public void dependsOnEveryByteOfTheBodyAndOnTheSecret() {
        byte[] body = "{\"data\":{\"reason\":\"Замовлення готове\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"data\":{\"reason\":\"Замовлення готове \"}}".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(WebhookSignature.of(body, "s3cret"), WebhookSignature.of(other, "s3cret"));
        assertNotEquals(WebhookSignature.of(body, "s3cret"), WebhookSignature.of(body, "s3cret2"));
        assertEquals(WebhookSignature.of(body, "s3cret"), WebhookSignature.of(body.clone(), "s3cret"));
    }
}
