package io.tidings.webconsole.html;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class HtmlTest {

    @Test
    public void valuesAreEscapedAndMarkupIsNot() {
        Html row = Html.of("<td title='{}'>{}</td>", "O'Brien \"Bob\"", "<script>alert(1)</script> & co");
        assertEquals("<td title='O&#39;Brien &quot;Bob&quot;'>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td>",
                row.toString());
        assertEquals("<tr><td title='O&#39;Brien &quot;Bob&quot;'>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td>"
                + "</tr>", Html.of("<tr>{}</tr>", row).toString());
        assertEquals("<p></p>", Html.of("<p>{}</p>", (Object) null).toString());
    }

    @Test
    public void textInEveryLanguageStaysAsItIs() {
        String text = "Ваше замовлення №4711 готове · Kære Søren Ærø · Réparation terminée à très bientôt ! 📦";
        assertEquals("<p>" + text + "</p>", Html.of("<p>{}</p>", text).toString());
    }

    /** The web console replaces ${name} in the pages it frames and drops the backslash of \$. */
    @Test
    public void dollarsAndBackslashesAreCharacterReferencesTheConsoleFilterLeavesAlone() {
        assertEquals("Total: &#36;{order.total} &#36;#payment.amount &#92;&#36;x",
                Html.escape("Total: ${order.total} $#payment.amount \\$x"));
    }

    @Test
    public void linksEncodeTheirParameters() {
        assertEquals("/system/console/tidings/communications?entityType=order&entityId=1%20001%2F%D0%90&contact=a%2Bb%40x.ua",
                Html.link("/system/console/tidings/communications", "entityType", "order", "entityId", "1 001/А",
                        "status", null, "contact", "a+b@x.ua"));
        assertEquals("<a href='/c?id=1&amp;x=2'>", Html.of("<a href='{}'>", Html.link("/c", "id", "1", "x", "2")).toString());
    }

    @Test
    public void placesAndValuesMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> Html.of("<p>{}</p>"));
        assertThrows(IllegalArgumentException.class, () -> Html.of("<p></p>", "lost"));
    }
}
