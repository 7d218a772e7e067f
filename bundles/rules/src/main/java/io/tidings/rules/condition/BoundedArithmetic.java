package io.tidings.rules.condition;

import java.math.MathContext;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL's lenient arithmetic, except that a regular-expression match ({@code =~} with a string on the
 * right) stops when the evaluation's time budget runs out. Without loops or method calls, that match
 * is the one thing in a condition whose cost is not bounded by the expression's length: a
 * backtracking pattern over customer data could hold a planning thread for ever.
 */
final class BoundedArithmetic extends JexlArithmetic {

    /** The evaluation running on this thread: its deadline and the first failure of a match. */
    private static final ThreadLocal<Evaluation> CURRENT = new ThreadLocal<>();

    BoundedArithmetic() {
        super(false);
    }

    public BoundedArithmetic(boolean strict, MathContext context, int scale) {
        super(strict, context, scale);
    }

    /** JEXL derives copies with other options; the default falls back to a plain, unbounded arithmetic. */
    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return new BoundedArithmetic(strict, context, scale);
    }

    static void start(long budgetNanos) {
        CURRENT.set(new Evaluation(System.nanoTime() + budgetNanos));
    }

    /**
     * Ends this thread's evaluation. Lenient JEXL turns an operator's exception into "false", so a
     * match that failed is reported here instead, to give the real reason.
     *
     * @return the first failure, null when none
     */
    static RuntimeException finish() {
        Evaluation evaluation = CURRENT.get();
        CURRENT.remove();
        return evaluation == null ? null : evaluation.failure;
    }

    private static final class Evaluation {
        final long deadline;
        RuntimeException failure;

        Evaluation(long deadline) {
            this.deadline = deadline;
        }

        RuntimeException fail(RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    @Override
    public Boolean contains(Object container, Object value) {
        Evaluation evaluation = CURRENT.get();
        if (container instanceof CharSequence regex && value != null && evaluation != null) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex.toString());
            } catch (PatternSyntaxException e) {
                throw evaluation.fail(new IllegalArgumentException(
                        "invalid regular expression: " + e.getDescription() + " at index " + e.getIndex(), e));
            }
            try {
                return pattern.matcher(new Budgeted(value.toString(), evaluation.deadline)).matches();
            } catch (BudgetExceeded e) {
                throw evaluation.fail(e);
            }
        }
        return super.contains(container, value);
    }

    /** Thrown out of the regex engine when the budget is spent. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("the condition took too long (regular expression match stopped)", null, false, false);
        }
    }

    /** The regex engine reads its input through charAt: the one place to notice the clock. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Budgeted(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
