package io.tidings.rules.condition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;
import org.apache.commons.jexl3.introspection.JexlUberspect;

import io.tidings.api.ValidationException;

/**
 * Rule conditions in Apache Commons JEXL: one expression over the event data, where each top-level
 * data key is a variable ({@code order.total > 100 && contact_information.segment == 'vip'}).
 *
 * <p>Administrators write conditions; customers supply the data they run on. So the language is cut
 * down to reading data: no statements, loops, assignments, lambdas, pragmas, {@code new} or method
 * calls (rejected when the condition is compiled), and a sandbox that lets the interpreter read maps
 * and lists only, on top of JEXL's restricted permissions. A missing variable or property is null,
 * and a comparison with null is false, so {@code order.missing == null} holds and
 * {@code order.missing > 1} does not.
 *
 * <p>Compiled expressions (and compile errors) are cached by their text. Thread-safe.
 */
public final class ConditionEngine {

    public static final int MAX_LENGTH = 4000;

    private final JexlEngine jexl;
    private final long budgetNanos;
    private final Map<String, Compiled> cache;

    public ConditionEngine(Duration timeLimit, int cacheSize) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be at least 1");
        }
        this.budgetNanos = timeLimit.toNanos();
        this.jexl = new JexlBuilder()
                .features(features())
                .permissions(JexlPermissions.RESTRICTED)
                .sandbox(sandbox())
                // data keys win over bean properties: order.empty is the field "empty", not Map.isEmpty()
                .strategy(JexlUberspect.MAP_STRATEGY)
                .arithmetic(new BoundedArithmetic())
                .strict(false)
                .safe(true)
                .silent(false)
                .cache(0)
                .create();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
                return size() > cacheSize;
            }
        };
    }

    private static JexlFeatures features() {
        return new JexlFeatures()
                .script(false)
                .loops(false)
                .sideEffect(false)
                .sideEffectGlobal(false)
                .newInstance(false)
                .methodCall(false)
                .lambda(false)
                .thinArrow(false)
                .fatArrow(false)
                .localVar(false)
                .pragma(false)
                .importPragma(false)
                .namespacePragma(false)
                .namespaceIdentifier(false)
                .annotation(false)
                .register(false);
    }

    /** Nothing but reading map entries and list elements: no class is open to the interpreter otherwise. */
    private static JexlSandbox sandbox() {
        JexlSandbox sandbox = new JexlSandbox(false, true);
        sandbox.permissions(Map.class.getName(), true, false, false);
        sandbox.permissions(java.util.List.class.getName(), true, false, false);
        return sandbox;
    }

    /**
     * @throws ValidationException on field {@code condition}, with the line and column of a syntax
     *                             error or of a construct the sandbox forbids
     */
    public void validate(String condition) {
        Compiled compiled = compile(condition);
        if (compiled.error != null) {
            throw compiled.error.exception();
        }
    }

    /** Never throws: an error in the condition or the data is a non-match with the error as the reason. */
    public ConditionResult evaluate(String condition, Map<String, Object> data) {
        if (condition == null || condition.isBlank()) {
            return ConditionResult.TRUE;
        }
        Compiled compiled = compile(condition);
        if (compiled.error != null) {
            return ConditionResult.no("condition is invalid: " + compiled.error.exception().getMessage());
        }
        Object value;
        RuntimeException failure;
        BoundedArithmetic.start(budgetNanos);
        try {
            value = compiled.expression.evaluate(new DataContext(data));
        } catch (RuntimeException | StackOverflowError e) {
            return ConditionResult.no("condition failed: " + describe(e));
        } finally {
            failure = BoundedArithmetic.finish();
        }
        if (failure != null) {
            return ConditionResult.no("condition failed: " + describe(failure));
        }
        boolean holds;
        try {
            holds = value instanceof Boolean b ? b : value != null && jexl.getArithmetic().toBoolean(value);
        } catch (RuntimeException e) {
            return ConditionResult.no("condition failed: its value is not true or false");
        }
        return holds ? ConditionResult.TRUE : ConditionResult.no("condition is false: " + condition.strip());
    }

    private Compiled compile(String condition) {
        Objects.requireNonNull(condition, "condition");
        Compiled compiled;
        synchronized (cache) {
            compiled = cache.get(condition);
        }
        if (compiled == null) {
            compiled = parse(condition);
            synchronized (cache) {
                cache.put(condition, compiled);
            }
        }
        return compiled;
    }

    private Compiled parse(String condition) {
        if (condition.length() > MAX_LENGTH) {
            return Compiled.failed("must be at most " + MAX_LENGTH + " characters", 0, 0);
        }
        try {
            return new Compiled(jexl.createExpression(new JexlInfo("condition", 1, 1), condition), null);
        } catch (JexlException e) {
            JexlInfo at = e.getInfo();
            int line = at == null ? 0 : Math.max(at.getLine(), 0);
            int column = at == null || line == 0 ? 0 : Math.max(at.getColumn(), 1);
            return Compiled.failed(describe(e), line, column);
        } catch (RuntimeException | StackOverflowError e) {
            // deeply nested input can overflow the parser: still a bad condition, not a crash
            return Compiled.failed("cannot be parsed: " + describe(e), 0, 0);
        }
    }

    /** JEXL prefixes its messages with "name@line:column "; a syntax error's position is reported separately. */
    private static final Pattern POSITION_PREFIX = Pattern.compile("^\\S*@\\d+:\\d+(?::\\d+)? ");

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedArithmetic.BudgetExceeded) {
                return t.getMessage();
            }
        }
        if (e instanceof StackOverflowError) {
            return "the condition is nested too deeply";
        }
        if (e instanceof JexlException.Operator operator) {
            // the cause would quote the event's values (customer data): name the operator only
            return "operator '" + operator.getSymbol() + "' cannot be applied to these values";
        }
        if (e instanceof JexlException && e.getCause() instanceof ArithmeticException) {
            // same reason as above: a coercion error quotes the value
            return "cannot compute with these values (is one of them not a number?)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof JexlException) {
            message = POSITION_PREFIX.matcher(message).replaceFirst("");
        }
        if (e instanceof JexlException.Feature) {
            return "not allowed in a condition: " + message;
        }
        return message;
    }

    /** Either a compiled expression or the error that kept it from compiling. */
    private record Compiled(JexlExpression expression, CompileError error) {
        static Compiled failed(String message, int line, int column) {
            return new Compiled(null, new CompileError(message, line, column));
        }
    }

    /** A compile error, kept rather than the exception so each caller gets its own. */
    private record CompileError(String message, int line, int column) {
        ValidationException exception() {
            return new ValidationException("condition", message, line, column);
        }
    }
}
