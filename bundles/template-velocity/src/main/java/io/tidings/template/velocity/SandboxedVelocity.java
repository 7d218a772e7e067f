package io.tidings.template.velocity;

import java.io.StringReader;
import java.io.Writer;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.velocity.Template;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;

import io.tidings.api.ValidationException;
import io.tidings.template.velocity.sandbox.NoFileResourceLoader;
import io.tidings.template.velocity.sandbox.RenderBudget;
import io.tidings.template.velocity.sandbox.SandboxUberspector;
import io.tidings.template.velocity.sandbox.SandboxViolation;
import io.tidings.template.velocity.tag.SourcePositions;

/**
 * One Velocity runtime for the component, configured as a sandbox: the whitelisting uberspector,
 * a resource loader that loads nothing, macros local to their template. Templates are parsed from
 * strings; every failure becomes a {@link ValidationException} naming the field, line and column.
 */
final class SandboxedVelocity {

    private final RuntimeInstance runtime = new RuntimeInstance();

    SandboxedVelocity() {
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SandboxUberspector.class.getName());
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "none");
        p.put(RuntimeConstants.RESOURCE_LOADER + ".none." + RuntimeConstants.RESOURCE_LOADER_INSTANCE,
                new NoFileResourceLoader());
        // one administrator's macro must not replace another template's
        p.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, "true");
        p.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE_REPLACE_GLOBAL, "false");
        // a missing value is not worth a log line per message, and names customer data paths
        p.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, "false");
        p.setProperty(RuntimeConstants.RUNTIME_LOG_METHOD_CALL_LOG_INVALID, "false");
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        // report a missing map value too: #unrestricted.x with no x must fail by name
        p.setProperty(RuntimeConstants.EVENTHANDLER_INVALIDREFERENCES_NULL, "true");
        // no per-loop cap: Velocity's ends a loop silently, the render budget counts all loops and fails clearly
        p.setProperty(RuntimeConstants.MAX_NUMBER_LOOPS, "-1");
        p.setProperty(RuntimeConstants.DEFINE_DIRECTIVE_MAXDEPTH, "10");
        p.setProperty(RuntimeConstants.VM_MAX_DEPTH, "10");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        // Velocity finds the uberspector through the thread context class loader
        withBundleClassLoader(() -> {
            runtime.init(p);
            return null;
        });
    }

    /** Parses a Velocity source (tags already rewritten) into a template ready to merge. */
    Template parse(String field, String velocitySource) {
        SourcePositions positions = new SourcePositions(velocitySource);
        return withBundleClassLoader(() -> {
            Template template = new Template();
            template.setName(field);
            template.setRuntimeServices(runtime);
            try {
                template.setData(runtime.parse(new StringReader(velocitySource), template));
                template.initDocument();
            } catch (ParseException e) {
                ParseErrorException located = new ParseErrorException(e, field);
                throw syntaxError(field, e.getMessage(), located.getLineNumber(), located.getColumnNumber(), positions);
            } catch (TemplateInitException e) {
                throw syntaxError(field, e.getMessage(), e.getLineNumber(), e.getColumnNumber(), positions);
            } catch (ParseErrorException e) {
                throw syntaxError(field, e.getMessage(), e.getLineNumber(), e.getColumnNumber(), positions);
            }
            return template;
        });
    }

    /**
     * Merges a parsed template within {@code budget}; {@code source} is the text the positions of
     * errors refer to.
     */
    void merge(Template template, Context context, Writer writer, String field, String source, RenderBudget budget) {
        withBundleClassLoader(() -> budget.apply(() -> {
            try {
                template.merge(context, writer);
            } catch (RuntimeException e) {
                // positions are only needed to report an error: not worked out for every merge
                throw renderError(field, e, new SourcePositions(source));
            } catch (StackOverflowError e) {
                // the sandbox bounds macros, #define and self-containing values; this is the last guard
                throw new ValidationException(field, "rendering stopped: template '" + budget.template()
                        + "' nests too deeply (recursive macros, #define blocks or values)");
            }
            return null;
        }));
    }

    private static ValidationException renderError(String field, RuntimeException e, SourcePositions positions) {
        // our own reasons first, even when Velocity wrapped them in a method call's failure
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v;
            }
            if (t instanceof RenderHandlers.MissingUnrestrictedValue m) {
                return located(field, m.getMessage(), m.line, m.velocityColumn, positions);
            }
            if (t instanceof SandboxViolation s) {
                return located(field, s.getMessage(), s.line(), s.velocityColumn(), positions);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MethodInvocationException m) {
                Throwable cause = m.getCause() == null ? m : m.getCause();
                return located(field, "calling " + m.getMethodName() + " failed: " + firstLine(cause.getMessage()),
                        m.getLineNumber(), m.getColumnNumber(), positions);
            }
        }
        if (e instanceof VelocityException) {
            return new ValidationException(field, "cannot be rendered: " + firstLine(e.getMessage()));
        }
        throw e;
    }

    private static ValidationException syntaxError(String field, String message, int line, int column,
            SourcePositions positions) {
        return located(field, "Velocity syntax error: " + describe(message), line, column, positions);
    }

    private static ValidationException located(String field, String message, int line, int velocityColumn,
            SourcePositions positions) {
        int column = line > 0 ? positions.charColumn(line, velocityColumn) : 0;
        return new ValidationException(field, message, Math.max(line, 0), Math.max(column, 0));
    }

    /** Velocity's messages list every token it expected; the first line, without its location, is enough. */
    private static String describe(String message) {
        String first = firstLine(message).replaceAll("\\s+at [^\\s\\[]*\\[line \\d+, column \\d+\\]", "").trim();
        if (first.startsWith("Encountered \"<EOF>\"")) {
            return "the template ends inside a directive (is an #end missing?)";
        }
        if (first.startsWith("Encountered ")) {
            return "unexpected " + first.substring("Encountered ".length());
        }
        return first;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    private <T> T withBundleClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SandboxedVelocity.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
