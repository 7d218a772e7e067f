package io.tidings.template.velocity.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.velocity.util.introspection.Info;

/**
 * The regular-expression methods of String ({@code matches}, {@code replaceAll}, {@code replaceFirst},
 * {@code split}) run on the text through a view that checks the rendering's deadline as the
 * matcher reads it: a pattern such as {@code (a+)+b} backtracks for hours on forty characters, and
 * a thread inside {@code String.matches} checks nothing else.
 */
final class DeadlineRegex {

    static final Set<String> METHODS = Set.of("matches", "replaceAll", "replaceFirst", "split");

    private DeadlineRegex() {
    }

    /** Whether this call is one this class runs in place of String's own. */
    static boolean handles(String method, Object[] params) {
        return METHODS.contains(method) && params != null && params.length >= 1 && params.length <= 2
                && params[0] instanceof String
                && (params.length == 1 || params[1] instanceof String || params[1] instanceof Integer);
    }

    static Object invoke(String text, String method, Object[] params, RenderBudget budget, Info info)
            throws InvocationTargetException {
        Pattern pattern;
        try {
            pattern = Pattern.compile((String) params[0]);
        } catch (PatternSyntaxException e) {
            // as String's own method would report it
            throw new InvocationTargetException(e);
        }
        CharSequence input = new Watched(text, budget, info);
        switch (method) {
            case "matches":
                return params.length == 1 ? pattern.matcher(input).matches() : unsupported(method);
            case "replaceAll":
                return params.length == 2 && params[1] instanceof String with ? replace(pattern, input, with, true)
                        : unsupported(method);
            case "replaceFirst":
                return params.length == 2 && params[1] instanceof String with ? replace(pattern, input, with, false)
                        : unsupported(method);
            default:
                return params.length == 1 ? pattern.split(input)
                        : params[1] instanceof Integer limit ? pattern.split(input, limit) : unsupported(method);
        }
    }

    private static String replace(Pattern pattern, CharSequence input, String with, boolean all)
            throws InvocationTargetException {
        try {
            return all ? pattern.matcher(input).replaceAll(with) : pattern.matcher(input).replaceFirst(with);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // a bad group reference in the replacement
            throw new InvocationTargetException(e);
        }
    }

    private static Object unsupported(String method) {
        throw new IllegalStateException(method + " with these arguments is not run here");
    }

    /** The text as the matcher reads it, one deadline check per 1,024 characters read. */
    private static final class Watched implements CharSequence {
        private final String text;
        private final RenderBudget budget;
        private final Info info;
        private int reads;

        Watched(String text, RenderBudget budget, Info info) {
            this.text = text;
            this.budget = budget;
            this.info = info;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3ff) == 0) {
                budget.checkDeadline(info);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
