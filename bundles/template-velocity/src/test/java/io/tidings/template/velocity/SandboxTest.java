package io.tidings.template.velocity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/**
 * Templates are written by administrators and rendered with customer data: nothing in them may
 * reach classes, reflection, processes or files. Each attempt fails with an error (or renders
 * nothing); none executes.
 */
public class SandboxTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final VelocityTemplateEngine engine = TestTagProviders.engineWithAll();

    private final Map<String, Object> data = Map.of(
            "x", "a string",
            "m", Map.of("k", "v"),
            "l", List.of("a", "b"),
            "contact_information", Map.of("name", "Ann"));

    @Test
    public void classLoadingThroughGetClassFails() {
        assertRefused("$x.getClass().forName('java.lang.Runtime')");
        assertRefused("$m.getClass()");
        assertRefused("$l.getClass().getClassLoader()");
        assertRefused("$contact_information.getClass()");
        assertRefused("$contact_information.name.getClass()");
        assertRefused("#set($n = 5)$n.getClass()");
    }

    @Test
    public void validationRefusesReflectionBeforeAnythingRuns() {
        Template t = new Template("sandbox", "Sandbox", Medium.SMS, "en", Map.of("en", new TemplateContent(null, null,
                "Hi #contact_information.name\n  #set($s='')$s.getClass().forName('java.lang.Runtime')")), 0);
        try {
            engine.validate(t);
            throw new AssertionError("accepted");
        } catch (ValidationException e) {
            assertEquals("contents.en.text", e.field());
            assertEquals(2, e.line());
            assertEquals("at getClass", 17, e.column());
            assertEquals("'getClass' is not available in templates (and 1 more problem)", e.reason());
        }
    }

    @Test
    public void theClassPropertyFails() {
        assertRefused("$x.class.classLoader");
        assertRefused("${x.class.name}");
        assertRefused("$contact_information.name.class");
        assertRefused("#foreach($i in $l)$i.class#end");
    }

    @Test
    public void theKnownRuntimeExecEscapeCreatesNoFile() throws Exception {
        File pwned = new File(folder.getRoot(), "pwned");
        String attack = "#set($s='')$s.getClass().forName('java.lang.Runtime').getRuntime().exec('touch "
                + pwned.getAbsolutePath() + "')";
        assertRefused(attack);
        assertFalse(pwned.exists());
        // the same through the class property and through a number
        assertRefused("#set($s='')$s.class.forName('java.lang.Runtime').getRuntime().exec('touch "
                + pwned.getAbsolutePath() + "')");
        assertRefused("#set($n=1)$n.class.forName('java.lang.ProcessBuilder')");
        assertFalse(pwned.exists());
        assertFalse(new File("/tmp/pwned").exists() && new File("/tmp/pwned").lastModified() > System.currentTimeMillis() - 60_000);
    }

    @Test
    public void includeAndParseReadNoFile() {
        ValidationException include = renderFails("before #include('/etc/passwd') after");
        assertTrue(include.reason(), include.reason().contains("#include is not allowed"));
        ValidationException parse = renderFails("#parse('/etc/passwd')");
        assertTrue(parse.reason(), parse.reason().contains("#parse is not allowed"));
    }

    @Test
    public void evaluateIsNoWayAround() {
        assertRefused("#evaluate('$x.getClass().forName(\"java.lang.Runtime\")')");
        assertRefused("#set($d = '$')#evaluate(\"${d}x.class.classLoader\")");
        ValidationException include = renderFails("#evaluate('#include(\"/etc/passwd\")')");
        assertTrue(include.reason(), include.reason().contains("not allowed"));
    }

    @Test
    public void escapesThroughReturnedObjectsFail() {
        assertRefused("$x.getBytes().getClass()");
        assertRefused("$x.describeConstable().get()");
        assertRefused("$m.entrySet().iterator().getClass()");
        assertRefused("#foreach($i in $l)$foreach.getClass()#end");
        // the loop state offers its counters only; other members are simply not there
        assertEquals("", render("#foreach($i in $l)$foreach.parent.getInfo()#end"));
        assertRefused("#foreach($c in $x.toCharArray())$c#end");
    }

    @Test
    public void staticMethodsOfAllowedTypesAreRefused() {
        System.setProperty("tidings.sandbox.flag", "true");
        System.setProperty("tidings.sandbox.number", "42");
        try {
            // Boolean.getBoolean and Integer.getInteger read system properties
            ValidationException b = renderFails("#set($b = true)$b.getBoolean('tidings.sandbox.flag')");
            assertTrue(b.reason(), b.reason().contains("the static method getBoolean() is not available"));
            assertEquals(1, b.line());
            assertNoStaticCall("#set($n = 1)$n.getInteger('tidings.sandbox.number')", "42");
            assertNoStaticCall("#set($n = 1)$n.getLong('tidings.sandbox.number')", "42");
            assertNoStaticCall("#set($n = 1)$n.getInteger('tidings.sandbox.number', 7)", "42");
            assertNoStaticCall("$x.valueOf($m)", "k=v");
            assertNoStaticCall("$x.join('+', $l)", "a+b");
            assertNoStaticCall("$m.of('a', 'b')", "a=b");
            assertNoStaticCall("$l.copyOf($l)", "[a, b]");
        } finally {
            System.clearProperty("tidings.sandbox.flag");
            System.clearProperty("tidings.sandbox.number");
        }
    }

    @Test
    public void ordinaryDataMethodsStillWork() {
        assertEquals("A STRING 8 v k=v 2 true b 1",
                render("$x.toUpperCase() $x.length() $m.k #foreach($e in $m.entrySet())$e.key=$e.value#end $l.size() "
                        + "$l.contains('a') $l.get(1) #foreach($i in $l)#if($foreach.first)$foreach.count#end#end"));
    }

    @Test
    public void aMacroOfOneTemplateIsInvisibleToAnother() {
        assertEquals("mine", render("#macro(greet)mine#end#greet()"));
        assertEquals("#greet()", render("#greet()"));
    }

    /** Refused, or (where Velocity finds no single method for the arguments) not called: never its result. */
    private void assertNoStaticCall(String velocity, String result) {
        try {
            String out = render(velocity);
            assertFalse(out, out.contains(result));
        } catch (ValidationException e) {
            assertTrue(e.reason(), e.reason().contains("the static method"));
        }
    }

    private void assertRefused(String velocity) {
        ValidationException e = renderFails(velocity);
        assertEquals("contents.en.text", e.field());
        assertTrue(e.reason(), e.reason().contains("not available") || e.reason().contains("cannot")
                || e.reason().contains("not allowed") || e.reason().contains("has no method"));
    }

    private ValidationException renderFails(String velocity) {
        try {
            String out = render(velocity);
            throw new AssertionError("rendered: " + out);
        } catch (ValidationException e) {
            return e;
        }
    }

    private String render(String text) {
        Template t = new Template("sandbox", "Sandbox", Medium.SMS, "en", Map.of("en", new TemplateContent(null, null, text)), 0);
        return engine.render(t, "en", data).text();
    }
}
