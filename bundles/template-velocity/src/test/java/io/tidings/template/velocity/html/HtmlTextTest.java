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

    @Test(timeout = 20_000)
    public void aMillionCharactersInOneTagNeitherOverflowNorCrawl() {
        String inside = "a".repeat(1_000_000);
        assertEquals("before\n\nafter", HtmlText.toText("before<p " + inside + ">after</p>"));
        assertEquals("label (https://x.example)",
                HtmlText.toText("<a data-x=\"" + inside + "\" href=\"https://x.example\" " + inside + ">label</a>"));
        assertEquals("x", HtmlText.toText("<img alt='x' title='" + inside + "'>"));
    }

    @Test(timeout = 20_000)
    public void unclosedTagsCommentsAndScriptsCostOnePass() {
        // each would have been scanned to the end once per occurrence
        String many = "<a".repeat(200_000);
        assertEquals(many, HtmlText.toText(many));
        assertEquals("x", HtmlText.toText("x" + "<!-- ".repeat(200_000)));
        String scripts = "<script>".repeat(200_000);
        assertEquals("", HtmlText.toText(scripts));
        // a quote that never ends does not hide the rest of the text
        assertEquals("a\n\nb", HtmlText.toText("<p title=\"unterminated>a</p> b"));
    }

    @Test
    public void invisibleElementsEndAtTheirEndTagWhateverItsCase() {
        assertEquals("seen", HtmlText.toText("<STYLE type=\"text/css\">p>b{}</Style >seen<title>t</title\n>"));
        assertEquals("DOCTYPE stays text: <!DOCTYPE html>", HtmlText.toText("DOCTYPE stays text: <!DOCTYPE html>"));
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
