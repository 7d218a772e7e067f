package io.tidings.shell;

import java.time.Instant;
import java.util.Collection;

/** How values look in the console's tables. */
final class Format {

    static final String NONE = "-";

    private Format() {
    }

    /** One line, at most {@code max} characters: table cells must not break the layout. */
    static String cell(Object value, int max) {
        if (value == null) {
            return NONE;
        }
        String text = value.toString().replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return NONE;
        }
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    static String cell(Object value) {
        return value == null ? NONE : value.toString();
    }

    /** ISO-8601 in UTC, the same as the REST API shows. */
    static String time(Instant instant) {
        return instant == null ? NONE : instant.toString();
    }

    static String list(Collection<?> values) {
        return values == null || values.isEmpty() ? NONE : String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
