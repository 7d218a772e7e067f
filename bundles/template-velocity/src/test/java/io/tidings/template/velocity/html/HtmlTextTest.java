package io.tidings.template.velocity.html;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class HtmlTextTest {

    @Test
    public void paragraphsBreaksListsAndLinksStayReadable() {
        String html = "<html><head><title>x</title><style>p{color:red}</style></head><body>"
                + "<h1>Hej   Søren</h1><p>Din booking er <b>bekræftet</b>.<br>Vi ses!</p>"
                + "<ul><li>Klipning</li><li>Skæg &amp; barbering</li></ul>"
                + "<p><a href=\"https://example.com/b/42?a=1&amp;b=2\">Se booking</a> or "
                + "<a href=\"mailto:info@example.com\">info@example.com</a></p>"
                + "<!-- tracking --><script>alert(1)</script><p>&laquo;Caf&eacute;&raquo; &#233;&#x00E6; &euro;</p></body></html>";
        assertEquals("Hej Søren\n\nDin booking er bekræftet.\nVi ses!\n\n- Klipning\n- Skæg & barbering\n\n"
                + "Se booking (https://example.com/b/42?a=1&b=2) or info@example.com\n\n«Café» éæ €",
                HtmlText.toText(html));
    }

    @Test
    public void escapingCoversMarkupCharacters() {
        assertEquals("&lt;b onclick=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;",
                Html.escape("<b onclick=\"x\">Tom & Jerry's</b>"));
        assertEquals("plain", Html.escape("plain"));
    }

    @Test
    public void whitespaceRunsCollapseToOneSpace() {
        assertEquals("a b c d", HtmlText.collapseWhitespace("a \t b\r\n\fc  d"));
        String single = "Ваше замовлення готове";
        assertEquals(single, HtmlText.collapseWhitespace(single));
        assertEquals(" ", HtmlText.collapseWhitespace("\n\n  "));
        assertEquals("", HtmlText.collapseWhitespace(""));
    }
}
