package io.tidings.template.velocity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateProblem;
import io.tidings.tags.orders.OrderTags;
import io.tidings.template.velocity.sandbox.RenderBudget;

/**
 * No template and no value stops the engine: a rendering over its budget (time, output, loop
 * iterations) or making a huge or self-containing value fails that message with the limit named,
 * on the real engine and tag providers.
 */
public class RenderBudgetTest {

    private final VelocityTemplateEngine engine = TestTagProviders.engineWithAll();

    {
        engine.addTagProvider(new OrderTags());
    }

    @Test(timeout = 20_000)
    public void nestedLoopsOfTenThousandStopAtTheIterationLimit() {
        List<Integer> big = new ArrayList<>(Collections.nCopies(10_000, 1));
        ValidationException e = renderFails("#foreach($i in $big)#foreach($j in $big)x#end#end", Map.of("big", big));
        assertTrue(e.reason(), e.reason().contains("more than 100000 #foreach iterations"));
        assertTrue(e.reason(), e.reason().contains("maxLoopIterations in io.tidings.templates"));
        assertTrue(e.reason(), e.reason().contains("template 'budget'"));
        assertEquals("contents.en.text", e.field());
        assertEquals("the inner loop's line", 1, e.line());
    }

    @Test(timeout = 20_000)
    public void literalRangesStopAtTheIterationLimitToo() {
        ValidationException e = renderFails("#foreach($i in [1..10000])\n#foreach($j in [1..10000])#end#end", Map.of());
        assertTrue(e.reason(), e.reason().contains("maxLoopIterations"));
        assertEquals(2, e.line());
    }

    @Test
    public void aLoopOfMoreThanTenThousandIsNoLongerCutShortSilently() {
        List<Integer> items = new ArrayList<>(Collections.nCopies(20_000, 1));
        String out = render("#foreach($i in $items)x#end", Map.of("items", items));
        assertEquals(20_000, out.length());
    }

    @Test(timeout = 20_000)
    public void outputBeyondTheLimitFails() {
        ValidationException e = renderFails("#set($s = '0123456789')#foreach($i in [1..99999])$s$s#end", Map.of());
        assertTrue(e.reason(), e.reason().contains("wrote more than 1000000 characters"));
        assertTrue(e.reason(), e.reason().contains("maxOutputCharacters"));
    }

    @Test(timeout = 20_000)
    public void aRenderingPastItsDeadlineFails() {
        engine.limits(new RenderBudget.Limits(Duration.ofMillis(100), 1_000_000, 100_000));
        String text = "y".repeat(50_000);
        ValidationException e = renderFails("#foreach($i in [1..100000])#set($t = $s.toUpperCase())#end",
                Map.of("s", text));
        assertTrue(e.reason(), e.reason().contains("took longer than 100 ms"));
        assertTrue(e.reason(), e.reason().contains("renderTimeoutMillis"));
    }

    @Test(timeout = 20_000)
    public void aBacktrackingPatternStopsAtTheDeadline() {
        engine.limits(new RenderBudget.Limits(Duration.ofMillis(200), 1_000_000, 100_000));
        ValidationException e = renderFails("$s.matches('(.*a){20}')", Map.of("s", "a".repeat(30) + "b"));
        assertTrue(e.reason(), e.reason().contains("took longer than 200 ms"));
        assertEquals(1, e.line());
        // the same methods still do their work
        assertEquals("true false a_b_c x-b,c", render("$s.matches('a.*') $s.matches('b') $t.replaceAll(' ', '_') "
                + "$u.replaceFirst('a', 'x-')", Map.of("s", "abc", "t", "a b c", "u", "ab,c")));
    }

    @Test
    public void theLimitsAreTheConfiguredOnes() {
        engine.limits(new RenderBudget.Limits(Duration.ofSeconds(2), 1_000, 10));
        assertEquals("12345678910", render("#foreach($i in [1..10])$i#end", Map.of()));
        ValidationException loops = renderFails("#foreach($i in [1..11])$i#end", Map.of());
        assertTrue(loops.reason(), loops.reason().contains("more than 10 #foreach iterations"));
        ValidationException output = renderFails("$s", Map.of("s", "z".repeat(1_001)));
        assertTrue(output.reason(), output.reason().contains("1000"));
    }

    @Test
    public void validationRefusesLoopsThatCanNeverFitTheBudget() {
        Template t = template("Hi\n#foreach($i in [1..10000])\n  #foreach($j in [1..10000])x#end\n#end");
        List<TemplateProblem> problems = engine.problems(t);
        assertEquals(problems.toString(), 1, problems.size());
        TemplateProblem p = problems.get(0);
        assertEquals("contents.en.text", p.field());
        assertEquals(3, p.line());
        assertTrue(p.message(), p.message().contains("runs with the loops around it 100000000 times"));
        assertTrue(p.message(), p.message().contains("maxLoopIterations in io.tidings.templates"));
        try {
            engine.validate(t);
            throw new AssertionError("accepted");
        } catch (ValidationException e) {
            assertEquals(3, e.line());
        }
        // a loop over data may be small: only rendering can tell
        assertEquals(List.of(), engine.problems(template("#foreach($i in $a)#foreach($j in $b)x#end#end")));
        assertEquals(List.of(), engine.problems(template("#foreach($i in [1..100])#foreach($j in [1..1000])x#end#end")));
    }

    @Test(timeout = 20_000)
    public void aHugeStringFromAMethodFailsBeforeItIsMade() {
        ValidationException e = renderFails("#set($s = 'ab')$s.repeat(100000000)", Map.of());
        assertTrue(e.reason(), e.reason().contains("made a string with repeat() of 200000000 characters"));
        assertTrue(e.reason(), e.reason().contains("maxOutputCharacters"));
        assertEquals(1, e.line());
        renderFails("#set($s = 'x')$s.replace('x', $s.repeat(999999)).replace('x', $s.repeat(999999))", Map.of());
        renderFails("#set($s = 'x')$s.indent(100000000)", Map.of());
        renderFails("#set($s = '%0999999999d')$s.formatted(1)", Map.of());
    }

    @Test(timeout = 20_000)
    public void doublingAValueInALoopStopsAtTheLimit() {
        ValidationException string = renderFails("#set($s = 'x')#foreach($i in [1..40])#set($s = \"$s$s\")#end$s.length()",
                Map.of());
        assertTrue(string.reason(), string.reason().contains("maxOutputCharacters"));
        ValidationException list = renderFails("#set($l = ['x'])#foreach($i in [1..40])#set($ok = $l.addAll($l))#end",
                Map.of());
        assertTrue(list.reason(), list.reason().contains("maxLoopIterations"));
    }

    @Test(timeout = 20_000)
    public void aListOrMapIsNeverPutIntoItself() {
        assertSelfContaining(renderFails("#set($l = [])$l.add($l)$l", Map.of()));
        assertSelfContaining(renderFails("#set($a = [])#set($b = [])#set($ok = $a.add($b))$b.add($a)$a", Map.of()));
        assertSelfContaining(renderFails("#set($m = {})$m.put('k', $m)$m", Map.of()));
        assertSelfContaining(renderFails("#set($m = {})#set($m.k = [$m])$m", Map.of()));
        assertSelfContaining(renderFails("#set($l = [1])#set($ok = $l.set(0, $l))$l", Map.of()));
        assertSelfContaining(renderFails("#set($l = [1])#set($l[0] = $l)$l", Map.of()));
        assertSelfContaining(renderFails("#set($m = {})#set($m['k'] = $m)$m", Map.of()));
        // putting a list into another is fine
        assertEquals("1 2", render("#set($a = [1, 2])#set($b = [])#set($ok = $b.add($a))$b.size() $b.get(0).size()",
                Map.of()));
    }

    @Test
    public void largeEventDataKeepsItsOrdinaryMethods() {
        List<Integer> items = new ArrayList<>(Collections.nCopies(150_000, 1));
        String text = "t".repeat(1_500_000);
        assertEquals("150000 1 1500000 tt", render("$items.size() $items.get(0) $s.length() $s.substring(0, 2)",
                Map.of("items", items, "s", text)));
    }

    @Test(timeout = 20_000)
    public void aValueNestedTooDeeplyFailsTheRenderingNotTheThread() {
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 1_000_000; i++) {
            List<Object> inner = new ArrayList<>();
            at.add(inner);
            at = inner;
        }
        ValidationException e = renderFails("$deep", Map.of("deep", deep));
        assertTrue(e.reason(), e.reason().contains("nests too deeply"));
        assertTrue(e.reason(), e.reason().contains("template 'budget'"));
    }

    @Test(timeout = 20_000)
    public void hugeNumbersFromTemplateArithmeticAreRefused() {
        ValidationException e = renderFails("$n.pow(100000000)", Map.of("n", new BigInteger("12345678901234567890")));
        assertTrue(e.reason(), e.reason().contains("pow() with 100000000"));
        renderFails("#foreach($i in [1..30])#set($n = $n.multiply($n))#end$n", Map.of("n", new BigDecimal("99.5")));
    }

    @Test(timeout = 20_000)
    public void anAbsurdNumberInTheEventFailsTheRenderingByTag() {
        Map<String, Object> data = Map.of("order", Map.of("total", new BigDecimal("1e999999999")));
        ValidationException e = renderFails("Total: #order.total", data);
        assertTrue(e.reason(), e.reason().contains("#order.total has 1000000000 digits before the decimal point"));
        // as a plain Velocity reference too, and as a string that parses into such a number
        renderFails("Total: $order.total", data);
        renderFails("Total: #order.total", Map.of("order", Map.of("total", "1e999999999")));
        // a tiny fraction is shown as the format rounds it, without expanding it
        assertEquals("Total: 0.00", render("Total: #order.total",
                Map.of("order", Map.of("total", new BigDecimal("1e-999999999")))));
        assertEquals("Total: 12.50", render("Total: #order.total",
                Map.of("order", Map.of("total", new BigDecimal("12.5")))));
    }

    private static void assertSelfContaining(ValidationException e) {
        assertTrue(e.reason(), e.reason().contains("cannot be put into itself"));
    }

    private ValidationException renderFails(String text, Map<String, Object> data) {
        try {
            String out = render(text, data);
            throw new AssertionError("rendered " + out.length() + " characters: "
                    + out.substring(0, Math.min(out.length(), 200)));
        } catch (ValidationException e) {
            return e;
        }
    }

    private String render(String text, Map<String, Object> data) {
        return engine.render(template(text), "en", data).text();
    }

    private static Template template(String text) {
        return new Template("budget", "Budget", Medium.SMS, "en", Map.of("en", new TemplateContent(null, null, text)), 0);
    }
}
