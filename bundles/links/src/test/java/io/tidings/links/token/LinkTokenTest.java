package io.tidings.links.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.Test;

import io.tidings.api.link.LinkAction;

public class LinkTokenTest {

    private static final byte[] KEY = "a-key-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);
    private static final LinkToken TOKEN = new LinkToken(LinkAction.OPT_OUT_DIRECT_MARKETING,
            "0b5e2c1e-7f0a-4a8e-9d43-3f7d8c2a1b90", Instant.parse("2027-02-21T09:00:00Z"));

    @Test
    public void aSignedTokenReadsBackAndIsSafeInAUrlPath() {
        String signed = TOKEN.sign(KEY);
        assertTrue(signed, signed.matches("[A-Za-z0-9_.-]+"));
        assertEquals(TOKEN, LinkToken.verify(signed, KEY).orElseThrow());
        assertFalse("no personal data: only the message id", new String(
                Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.'))), StandardCharsets.UTF_8)
                .contains("@"));
    }

    @Test
    public void anotherKeyOrAChangedPayloadIsRefused() {
        String signed = TOKEN.sign(KEY);
        assertTrue(LinkToken.verify(signed, "another-key-of-at-least-thirty-two-chars".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        // the same signature on an opt-in instead of an opt-out
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("1|OPT_IN_DIRECT_MARKETING|" + TOKEN.communicationId() + "|" + TOKEN.expires().getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(LinkToken.verify(forgedPayload + signed.substring(signed.indexOf('.')), KEY).isEmpty());
        // a longer expiry
        String later = new LinkToken(TOKEN.action(), TOKEN.communicationId(), TOKEN.expires().plusSeconds(86_400))
                .sign(KEY);
        assertTrue(LinkToken.verify(later.substring(0, later.indexOf('.')) + signed.substring(signed.indexOf('.')), KEY)
                .isEmpty());
    }

    @Test
    public void malformedTokensAreRefusedWithoutErrors() {
        for (String bad : new String[] {null, "", "abc", "no-dot-at-all-here", "a.b", "!!!!!!!!.########",
                TOKEN.sign(KEY) + "x", TOKEN.sign(KEY).replace('.', '/')}) {
            assertTrue(String.valueOf(bad), LinkToken.verify(bad, KEY).isEmpty());
        }
    }

    @Test
    public void previewTokensAreMarked() {
        assertTrue(new LinkToken(LinkAction.OPT_IN_AFFILIATE_MARKETING, LinkToken.PREVIEW, Instant.EPOCH).preview());
        assertFalse(TOKEN.preview());
    }
}
