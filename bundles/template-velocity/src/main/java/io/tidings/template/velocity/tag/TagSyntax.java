package io.tidings.template.velocity.tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag syntax of the reference documents ({@code #contact_information.name},
 * {@code #payment.accounts_receivable.balance}) on top of Velocity.
 * <p>
 * A tag is rewritten into a Velocity reference of the same length ({@code #a.b} becomes
 * {@code $a.b}), so every line and column Velocity reports is a line and column of the text the
 * administrator wrote. A dollar before a tag ({@code $#payment.amount}) stays a literal dollar and a
 * period after it ({@code #service_request.status.}) ends the sentence, as in Velocity.
 */
public final class TagSyntax {

    /** Directive names: {@code #if(...)}, {@code #end} and friends are never tags. */
    static final Set<String> DIRECTIVES = Set.of("if", "elseif", "else", "end", "foreach", "set", "include",
            "parse", "evaluate", "define", "macro", "break", "stop");

    private static final Pattern SEGMENT = Pattern.compile("[a-z_][a-z0-9_]*");
    /** CSS selectors look like tags ({@code #header.wide}); style sheets hold none. */
    private static final Pattern STYLE = Pattern.compile("<style\\b[^>]*>.*?(</style\\s*>|\\z)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A tag as written, with its 1-based position in the source. */
    public record Tag(List<String> segments, int offset, int line, int column) {

        public String path() {
            return String.join(".", segments);
        }

        @Override
        public String toString() {
            return "#" + path();
        }
    }

    /**
     * Something that starts like a tag but that Velocity would read differently, e.g.
     * {@code #order.status.Thanks} (no space after the tag) or {@code #order.Number}.
     */
    public record Malformed(String text, int offset, int line, int column) {
    }

    /** The Velocity source (same length as the original) and the tags found in it. */
    public record Rewritten(String velocitySource, List<Tag> tags, List<Malformed> malformed) {
    }

    private TagSyntax() {
    }

    public static Rewritten rewrite(String source) {
        return rewrite(source, false);
    }

    /** @param html whether the source is HTML, whose style sheets are skipped */
    public static Rewritten rewrite(String source, boolean html) {
        char[] out = source.toCharArray();
        List<int[]> styles = new ArrayList<>();
        if (html) {
            Matcher m = STYLE.matcher(source);
            while (m.find()) {
                styles.add(new int[] {m.start(), m.end()});
            }
        }
        int style = 0;
        List<Tag> tags = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        SourcePositions positions = new SourcePositions(source);
        int n = source.length();
        int i = 0;
        while (i < n) {
            while (style < styles.size() && styles.get(style)[1] <= i) {
                style++;
            }
            if (style < styles.size() && styles.get(style)[0] <= i) {
                i = styles.get(style)[1];
                continue;
            }
            char c = source.charAt(i);
            if (c == '\\') {
                // \#x and \$x are Velocity escapes: what follows is text, never a tag
                int j = i;
                while (j < n && source.charAt(j) == '\\') {
                    j++;
                }
                i = j < n && (source.charAt(j) == '#' || source.charAt(j) == '$') ? j + 1 : j;
                continue;
            }
            if (c != '#') {
                i++;
                continue;
            }
            if (source.startsWith("##", i)) {
                i = endOfLine(source, i);
                continue;
            }
            if (source.startsWith("#*", i)) {
                i = skipPast(source, i + 2, "*#");
                continue;
            }
            if (source.startsWith("#[[", i)) {
                i = skipPast(source, i + 3, "]]#");
                continue;
            }
            int end = i + 1;
            List<String> segments = new ArrayList<>();
            while (end < n && isIdentifierStart(source.charAt(end))) {
                int start = end;
                while (end < n && isIdentifierPart(source.charAt(end))) {
                    end++;
                }
                segments.add(source.substring(start, end));
                if (end + 1 < n && source.charAt(end) == '.' && isIdentifierStart(source.charAt(end + 1))) {
                    end++;
                } else {
                    break;
                }
            }
            if (segments.size() < 2 || DIRECTIVES.contains(segments.get(0))
                    || !SEGMENT.matcher(segments.get(0)).matches()) {
                // "#12345", "#if(", "#Heading.x": text or Velocity, not ours
                i = Math.max(end, i + 1);
                continue;
            }
            int line = positions.line(i);
            int column = positions.column(i);
            if (segments.stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
                tags.add(new Tag(List.copyOf(segments), i, line, column));
                out[i] = '$';
            } else {
                malformed.add(new Malformed(source.substring(i, end), i, line, column));
            }
            i = end;
        }
        return new Rewritten(new String(out), Collections.unmodifiableList(tags),
                Collections.unmodifiableList(malformed));
    }

    /**
     * The dotted path of a Velocity reference literal ({@code $a.b}, {@code $!a.b}, {@code ${a.b}}),
     * or null when the reference is more than a path (a method call, an index).
     */
    public static List<String> referencePath(String literal) {
        if (literal == null) {
            return null;
        }
        int start = 0;
        int end = literal.length();
        if (start < end && literal.charAt(start) == '$') {
            start++;
        }
        if (start < end && literal.charAt(start) == '!') {
            start++;
        }
        if (start < end && literal.charAt(start) == '{') {
            if (literal.charAt(end - 1) != '}') {
                return null;
            }
            start++;
            end--;
        }
        List<String> path = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (!isIdentifierStart(literal.charAt(i))) {
                return null;
            }
            int s = i;
            while (i < end && isIdentifierPart(literal.charAt(i))) {
                i++;
            }
            path.add(literal.substring(s, i));
            if (i < end) {
                if (literal.charAt(i) != '.') {
                    return null;
                }
                i++;
                if (i == end) {
                    return null;
                }
            }
        }
        return path.isEmpty() ? null : path;
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }

    private static int endOfLine(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int skipPast(String s, int from, String terminator) {
        int at = s.indexOf(terminator, from);
        return at < 0 ? s.length() : at + terminator.length();
    }
}
