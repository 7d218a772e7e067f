package io.tidings.template.velocity.tag;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class TagSyntaxTest {

    @Test
    public void tagsBecomeReferencesOfTheSameLength() {
        String source = "Dear #contact_information.name,\nbalance: #payment.accounts_receivable.balance";
        TagSyntax.Rewritten r = TagSyntax.rewrite(source);
        assertEquals("Dear $contact_information.name,\nbalance: $payment.accounts_receivable.balance", r.velocitySource());
        assertEquals(source.length(), r.velocitySource().length());
        assertEquals(2, r.tags().size());
        TagSyntax.Tag nested = r.tags().get(1);
        assertEquals(List.of("payment", "accounts_receivable", "balance"), nested.segments());
        assertEquals(2, nested.line());
        assertEquals(10, nested.column());
    }

    @Test
    public void dollarBeforeAndPeriodAfterATagAreText() {
        TagSyntax.Rewritten r = TagSyntax.rewrite("for $#payment.amount has been #service_request.status.");
        assertEquals("for $$payment.amount has been $service_request.status.", r.velocitySource());
        assertEquals("#service_request.status", r.tags().get(1).toString());
    }

    @Test
    public void directivesCommentsAndPlainHashesAreLeftAlone() {
        String source = "#if($x.y)#set($a = 1)#else#end #foreach($s in $l)#end Order #12345 #contact_information "
                + "## #order.number in a comment\n#* #order.number *# #[[ #order.number ]]# \\#order.number #Heading.Text";
        TagSyntax.Rewritten r = TagSyntax.rewrite(source);
        assertEquals(source, r.velocitySource());
        assertTrue(r.tags().isEmpty());
        assertTrue(r.malformed().isEmpty());
    }

    @Test
    public void aTagRunningIntoMoreWordsIsMalformedAndLeftAlone() {
        TagSyntax.Rewritten r = TagSyntax.rewrite("x\n  #service_request.status.Thanks");
        assertEquals("x\n  #service_request.status.Thanks", r.velocitySource());
        assertEquals(1, r.malformed().size());
        assertEquals(2, r.malformed().get(0).line());
        assertEquals(3, r.malformed().get(0).column());
    }

    @Test
    public void styleSheetsOfHtmlHoldNoTags() {
        String html = "<style>\n#header.wide { color: red }\n</style><p>#bill.number</p>";
        TagSyntax.Rewritten r = TagSyntax.rewrite(html, true);
        assertEquals(1, r.tags().size());
        assertEquals("#bill.number", r.tags().get(0).toString());
        assertEquals(2, TagSyntax.rewrite(html).tags().size());
    }

    @Test
    public void positionsCountCarriageReturnLineFeedAsOneBreak() {
        TagSyntax.Tag tag = TagSyntax.rewrite("a\r\nb\r\n\t#bill.number").tags().get(0);
        assertEquals(3, tag.line());
        assertEquals(2, tag.column());
    }

    @Test
    public void referencePaths() {
        assertEquals(List.of("a", "b"), TagSyntax.referencePath("$a.b"));
        assertEquals(List.of("a", "b", "c"), TagSyntax.referencePath("$!{a.b.c}"));
        assertEquals(List.of("s"), TagSyntax.referencePath("$s"));
        assertNull(TagSyntax.referencePath("$a.b()"));
        assertNull(TagSyntax.referencePath("$a[0]"));
    }

    @Test
    public void velocityTabColumnsAreTranslatedToCharacters() {
        SourcePositions positions = new SourcePositions("x\n\t\tab");
        // Velocity puts a tab at the next multiple of 8: first tab 8, second 16, 'a' 17
        assertEquals(3, positions.charColumn(2, 17));
        assertEquals(1, positions.charColumn(2, 8));
        assertEquals(5, positions.charColumn(2, 19));
        assertEquals(2, positions.charColumn(1, 2));
    }
}
