package io.tidings.template.velocity.sandbox;

/**
 * The longest string a String method can return for its arguments, worked out before it runs: a
 * check afterwards would come after {@code $s.repeat(100000000)} has taken the heap. Other methods
 * ({@code toUpperCase}, {@code trim}, {@code length}) count as the string's own length: they grow
 * it by a small factor at most, and the result is checked after the call.
 */
final class StringGrowth {

    private StringGrowth() {
    }

    static long estimate(String s, String method, Object[] params) {
        long length = s.length();
        Object[] p = params == null ? new Object[0] : params;
        switch (method) {
            case "repeat":
                return p.length == 1 && p[0] instanceof Number n ? times(length, Math.max(0, n.longValue())) : length;
            case "concat":
                return length + textLength(p, 0);
            case "replace": {
                if (p.length == 2 && p[0] instanceof CharSequence target && p[1] instanceof CharSequence with) {
                    long matches = target.length() == 0 ? length + 1 : length / target.length();
                    return plus(length, times(matches, Math.max(0, with.length() - target.length())));
                }
                return length;
            }
            case "replaceAll", "replaceFirst": {
                // an empty match can occur between every two characters; "$0" brings the match back
                long with = textLength(p, 1);
                long perMatch = p.length == 2 && String.valueOf(p[1]).indexOf('$') >= 0 ? times(with, length + 1) : with;
                long matches = method.equals("replaceFirst") ? 1 : length + 1;
                return plus(length, times(matches, perMatch));
            }
            case "indent":
                return p.length == 1 && p[0] instanceof Number n
                        ? plus(length + 1, times(lines(s) + 1, Math.max(0, n.longValue()))) : length;
            default:
                return length;
        }
    }

    /** Saturates instead of overflowing: any huge estimate is refused alike. */
    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long textLength(Object[] p, int i) {
        return p.length > i && p[i] != null ? String.valueOf(p[i]).length() : 0;
    }

    private static long lines(String s) {
        return s.chars().filter(c -> c == '\n').count();
    }
}
