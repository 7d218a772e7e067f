package io.tidings.template.velocity.sandbox;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.velocity.util.introspection.Info;

/**
 * What one message's rendering may spend: time, output, loop iterations. A template is written by
 * an administrator and rendered on a dispatcher thread; without a budget one careless nested loop
 * holds that thread for minutes, and one {@code $s.repeat(100000000)} takes the heap.
 * <p>
 * The budget of the rendering in progress is bound to its thread, because Velocity hands the
 * sandbox's hooks (iterators, method calls) no context of ours; a rendering is single-threaded.
 */
public final class RenderBudget {

    /**
     * @param timeout             wall-clock time for all parts of one message
     * @param maxOutputCharacters characters written for all parts of one message; also the longest
     *                            single value (a method result, an interpolated string), since a
     *                            longer one could never be written
     * @param maxLoopIterations   {@code #foreach} iterations for all parts of one message; also the
     *                            largest collection a method may build, since a longer one could
     *                            never be iterated
     */
    public record Limits(Duration timeout, int maxOutputCharacters, int maxLoopIterations) {

        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(2), 1_000_000, 100_000);

        public Limits {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the rendering time limit must be positive");
            }
            if (maxOutputCharacters < 1 || maxLoopIterations < 1) {
                throw new IllegalArgumentException("rendering limits must be at least 1");
            }
        }
    }

    /** Where an administrator changes the limits, named in every budget error. */
    public static final String CONFIGURATION = "io.tidings.templates";

    private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

    private final Limits limits;
    private final String template;
    private final long deadline;
    private long iterations;
    private long output;

    private RenderBudget(Limits limits, String template) {
        this.limits = limits;
        this.template = template;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }

    /** A budget for one message of {@code template} (its key, for the error messages), starting now. */
    public static RenderBudget start(Limits limits, String template) {
        return new RenderBudget(limits, template == null ? "(unsaved)" : template);
    }

    /** The budget of the rendering on this thread, null outside a rendering. */
    public static RenderBudget current() {
        return CURRENT.get();
    }

    /** Runs one part's merge with this budget bound to the thread. */
    public <T> T apply(Supplier<T> work) {
        RenderBudget previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The template's key as the errors name it. */
    public String template() {
        return template;
    }

    public Limits limits() {
        return limits;
    }

    public void checkDeadline(Info info) {
        if (System.nanoTime() - deadline > 0) {
            throw exceeded("took longer than " + limits.timeout().toMillis() + " ms", "renderTimeoutMillis", info);
        }
    }

    public void countIteration(Info info) {
        if (++iterations > limits.maxLoopIterations()) {
            throw exceeded("ran more than " + limits.maxLoopIterations() + " #foreach iterations", "maxLoopIterations",
                    info);
        }
        if ((iterations & 0xff) == 0) {
            checkDeadline(info);
        }
    }

    public void countOutput(int characters) {
        output += characters;
        if (output > limits.maxOutputCharacters()) {
            throw exceeded("wrote more than " + limits.maxOutputCharacters() + " characters", "maxOutputCharacters",
                    null);
        }
        checkDeadline(null);
    }

    /** A string about to be made or inserted, by its (estimated) length. */
    public void checkLength(long characters, String what, Info info) {
        if (characters > limits.maxOutputCharacters()) {
            throw exceeded("made " + what + " of " + (characters > Integer.MAX_VALUE ? "over 2 billion" : characters)
                    + " characters, more than the output may have (" + limits.maxOutputCharacters() + ")",
                    "maxOutputCharacters", info);
        }
    }

    /** A collection about to be made or grown, by its (estimated) size. */
    public void checkSize(long items, String what, Info info) {
        if (items > limits.maxLoopIterations()) {
            throw exceeded("made " + what + " of " + items + " items, more than a template may iterate ("
                    + limits.maxLoopIterations() + ")", "maxLoopIterations", info);
        }
    }

    private BudgetExceeded exceeded(String what, String key, Info info) {
        return new BudgetExceeded("rendering stopped: template '" + template + "' " + what + " (limit " + key
                + " in " + CONFIGURATION + ")", info == null ? 0 : info.getLine(), info == null ? 0 : info.getColumn());
    }

    /** A rendering that went over its budget. */
    public static final class BudgetExceeded extends SandboxViolation {
        private static final long serialVersionUID = 1L;

        BudgetExceeded(String message, int line, int velocityColumn) {
            super(message, line, velocityColumn);
        }
    }
}
