package io.tidings.links.tracking;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.links.token.LinkToken;

public class TrackingTest {

    private static final byte[] KEY = "a-key-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);
    private static final String OWN = "https://notify.example.com/tidings/links/";

    @Test
    public void webLinksGoThroughTidingsOthersStayAndThePixelEndsTheBody() {
        List<String> targets = new ArrayList<>();
        String html = "<html><body><p>Tilbud: <a class=\"btn\" href=\"https://shop.example.dk/tilbud?a=1&amp;b=2\">Se</a>"
                + " <a href='http://shop.example.dk/x'>x</a> <a href=\"mailto:info@example.dk\">mail</a>"
                + " <a href=\"" + OWN + "abc.def\">afmeld</a> <a href=\"/relative\">r</a></p></body></html>";
        String tracked = HtmlTracking.clicks(html, target -> {
            targets.add(target);
            return OWN + "t" + targets.size();
        }, OWN);
        assertEquals(List.of("https://shop.example.dk/tilbud?a=1&b=2", "http://shop.example.dk/x"), targets);
        assertTrue(tracked, tracked.contains("<a class=\"btn\" href=\"" + OWN + "t1\">Se</a>"));
        assertTrue(tracked, tracked.contains("<a href='" + OWN + "t2'>x</a>"));
        assertTrue("mailto, own and relative links stay", tracked.contains("href=\"mailto:info@example.dk\"")
                && tracked.contains("href=\"" + OWN + "abc.def\"") && tracked.contains("href=\"/relative\""));

        String withPixel = HtmlTracking.openPixel(tracked, OWN + "open");
        assertTrue(withPixel, withPixel.endsWith("<img src=\"" + OWN + "open\" width=\"1\" height=\"1\" alt=\"\" "
                + "style=\"display:block;border:0\"></body></html>"));
        assertTrue(HtmlTracking.openPixel("<p>no body</p>", OWN + "open").startsWith("<p>no body</p><img"));
    }

    @Test
    public void theTextPartGetsTheSameClickLinksWhereAnAddressStandsWhole() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("https://shop.example.dk/tilbud", OWN + "t1");
        links.put("https://shop.example.dk/tilbud?a=1&b=2", OWN + "t2");
        String text = "Se (https://shop.example.dk/tilbud?a=1&b=2) og https://shop.example.dk/tilbud.\n"
                + "Ikke https://shop.example.dk/tilbud.html eller https://shop.example.dk/tilbudx, "
                + "men <https://shop.example.dk/tilbud>";
        assertEquals("Se (" + OWN + "t2) og " + OWN + "t1.\n"
                + "Ikke https://shop.example.dk/tilbud.html eller https://shop.example.dk/tilbudx, "
                + "men <" + OWN + "t1>", HtmlTracking.textClicks(text, links));
        assertEquals("unchanged without links", text, HtmlTracking.textClicks(text, Map.of()));
        assertEquals(null, HtmlTracking.textClicks(null, links));
    }

    @Test
    public void aClickTokenSignsItsTargetSoItIsNoOpenRedirect() {
        Instant expires = Instant.parse("2027-01-01T00:00:00Z");
        String signed = new TrackingToken(TrackingToken.Kind.CLICK, "c-1", expires, "https://shop.example.dk/ø?q=1")
                .sign(KEY);
        TrackingToken read = TrackingToken.verify(signed, KEY).orElseThrow();
        assertEquals("https://shop.example.dk/ø?q=1", read.target());
        assertEquals(TrackingToken.Kind.CLICK, read.kind());

        String other = new TrackingToken(TrackingToken.Kind.CLICK, "c-1", expires, "https://evil.example.com/").sign(KEY);
        String forged = other.substring(0, other.indexOf('.')) + signed.substring(signed.indexOf('.'));
        assertTrue("another target under the same signature", TrackingToken.verify(forged, KEY).isEmpty());
        String script = new TrackingToken(TrackingToken.Kind.CLICK, "c-1", expires, "javascript:alert(1)").sign(KEY);
        assertTrue("only web addresses", TrackingToken.verify(script, KEY).isEmpty());
        assertFalse("a tracking token is not a dynamic link", LinkToken.verify(signed, KEY).isPresent());
        assertTrue(TrackingToken.verify(new TrackingToken(TrackingToken.Kind.OPEN, "c-1", expires, null).sign(KEY), KEY)
                .isPresent());
    }
}
