package io.tidings.webconsole.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * HTML built from markup written here and values that are always escaped: a value is inserted at
 * each {@code {}} of the markup, escaped unless it is itself {@code Html}. Customer data (names,
 * message bodies) and template text are untrusted, so nothing reaches the page unescaped.
 *
 * <p>The web console also passes every HTML page it frames through a filter that replaces
 * {@code ${name}} with its own variables and drops the backslash of {@code \$}; {@code $} and
 * {@code \} are therefore written as character references, which the browser reads as the same
 * characters while the filter leaves them alone (a template's {@code ${order.total}} stays intact).
 */
public final class Html {

    private final StringBuilder out = new StringBuilder();

    /** Appends the markup with the values escaped into its {@code {}} places. */
    public Html add(String markup, Object... values) {
        int from = 0;
        int next = 0;
        int at;
        while ((at = markup.indexOf("{}", from)) >= 0) {
            if (next >= values.length) {
                throw new IllegalArgumentException("more {} than values in: " + markup);
            }
            out.append(markup, from, at);
            Object value = values[next++];
            if (value instanceof Html html) {
                out.append(html.out);
            } else {
                escape(value, out);
            }
            from = at + 2;
        }
        if (next != values.length) {
            throw new IllegalArgumentException("more values than {} in: " + markup);
        }
        out.append(markup, from, markup.length());
        return this;
    }

    /** Appends a fragment built by Html. */
    public Html add(Html fragment) {
        out.append(fragment.out);
        return this;
    }

    public static Html of(String markup, Object... values) {
        return new Html().add(markup, values);
    }

    /** Text for an element's content or a quoted attribute value; null is empty. */
    public static String escape(Object value) {
        StringBuilder text = new StringBuilder();
        escape(value, text);
        return text.toString();
    }

    private static void escape(Object value, StringBuilder to) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> to.append("&amp;");
                case '<' -> to.append("&lt;");
                case '>' -> to.append("&gt;");
                case '"' -> to.append("&quot;");
                case '\'' -> to.append("&#39;");
                case '$' -> to.append("&#36;");
                case '\\' -> to.append("&#92;");
                default -> to.append(c);
            }
        }
    }

    /** A path with query parameters ({@code name, value, name, value…}); null or blank values are left out. */
    public static String link(String path, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null || value.isBlank()) {
                continue;
            }
            url.append(separator).append(encode(namesAndValues[i])).append('=').append(encode(value));
            separator = '&';
        }
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
