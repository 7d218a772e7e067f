package io.tidings.template.velocity.html;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text part of an email whose template only has HTML: paragraphs and line breaks stay, list
 * items get a dash, a link keeps its address after its label, entities are decoded.
 */
public final class HtmlText {

    /** Elements whose content is no text for the reader. */
    private static final java.util.Set<String> INVISIBLE = java.util.Set.of("script", "style", "head", "title");
    private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");
    private static final Pattern BLOCK = Pattern.compile(
            "p|div|h[1-6]|ul|ol|table|tr|blockquote|section|article|header|footer|center|address|pre|dl|dt|dd|form");

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("hellip", "…"),
            Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("bdquo", "„"), Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("deg", "°"),
            Map.entry("times", "×"), Map.entry("aelig", "æ"), Map.entry("AElig", "Æ"), Map.entry("oslash", "ø"),
            Map.entry("Oslash", "Ø"), Map.entry("aring", "å"), Map.entry("Aring", "Å"), Map.entry("eacute", "é"),
            Map.entry("Eacute", "É"), Map.entry("egrave", "è"), Map.entry("Egrave", "È"), Map.entry("ecirc", "ê"),
            Map.entry("euml", "ë"), Map.entry("agrave", "à"), Map.entry("Agrave", "À"), Map.entry("acirc", "â"),
            Map.entry("ccedil", "ç"), Map.entry("Ccedil", "Ç"), Map.entry("icirc", "î"), Map.entry("iuml", "ï"),
            Map.entry("ocirc", "ô"), Map.entry("ouml", "ö"), Map.entry("ugrave", "ù"), Map.entry("ucirc", "û"),
            Map.entry("uuml", "ü"), Map.entry("auml", "ä"), Map.entry("szlig", "ß"), Map.entry("oelig", "œ"));

    private HtmlText() {
    }

    /**
     * One pass over the HTML, at a constant stack depth: a tag is scanned to its closing {@code >}
     * outside quotes, a comment or an invisible element to its end. A regular expression with an
     * alternation inside a repetition recursed once per character of a tag and overflowed the
     * stack on a long one.
     */
    public static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Scanner scan = new Scanner(html);
        State state = new State();
        int at = 0;
        int i = 0;
        int n = html.length();
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                appendText(out, html.substring(at, lt));
                int close = html.indexOf("-->", lt + 4);
                at = i = close < 0 ? n : close + 3;
                continue;
            }
            Tag tag = scan.tag(lt);
            if (tag == NO_END) {
                // no '>' in the rest of the text: nothing further is a tag
                break;
            }
            if (tag == null) {
                i = lt + 1;
                continue;
            }
            appendText(out, html.substring(at, lt));
            at = i = tag.end;
            if (!tag.closing && INVISIBLE.contains(tag.name)) {
                int after = scan.endOfElement(tag.name, tag.end);
                if (after >= 0) {
                    at = i = after;
                    continue;
                }
            }
            handle(out, tag, state);
        }
        appendText(out, html.substring(Math.min(at, n)));
        return tidy(out);
    }

    /** A start or end tag: its lowercase name, its attribute text and where it ends (after the {@code >}). */
    private record Tag(boolean closing, String name, String attributes, int end) {
    }

    private static final Tag NO_END = new Tag(false, "", "", -1);

    /** The link being read: its address and where its label starts in the output. */
    private static final class State {
        String href;
        int linkStart;
    }

    private static final class Scanner {
        private final String html;
        /** Once a quote ran to the end of the text, quotes are no longer honoured: no rescans from later tags. */
        private boolean quotes = true;
        /** Elements whose end tag was looked for and is not in the rest of the text. */
        private final java.util.Set<String> unclosed = new java.util.HashSet<>();

        Scanner(String html) {
            this.html = html;
        }

        /** The tag at {@code lt} (a {@code <}), or null when the text there is no tag. */
        Tag tag(int lt) {
            int n = html.length();
            int p = lt + 1;
            boolean closing = p < n && html.charAt(p) == '/';
            if (closing) {
                p++;
            }
            int nameStart = p;
            if (p >= n || !isAsciiLetter(html.charAt(p))) {
                return null;
            }
            while (p < n && (isAsciiLetter(html.charAt(p)) || html.charAt(p) >= '0' && html.charAt(p) <= '9')) {
                p++;
            }
            String name = html.substring(nameStart, p).toLowerCase(Locale.ROOT);
            int gt = quotes ? closeOutsideQuotes(p) : html.indexOf('>', p);
            if (gt == -2) {
                quotes = false;
                gt = html.indexOf('>', p);
            }
            if (gt < 0) {
                return NO_END;
            }
            return new Tag(closing, name, html.substring(p, gt), gt + 1);
        }

        /** The {@code >} ending a tag, skipping quoted values; -1 when there is none, -2 when a quote never ends. */
        private int closeOutsideQuotes(int from) {
            int n = html.length();
            for (int p = from; p < n; p++) {
                char c = html.charAt(p);
                if (c == '>') {
                    return p;
                }
                if (c == '"' || c == '\'') {
                    int end = html.indexOf(c, p + 1);
                    if (end < 0) {
                        return -2;
                    }
                    p = end;
                }
            }
            return -1;
        }

        /** Just after the end tag of {@code name} at or after {@code from}, -1 when there is none. */
        int endOfElement(String name, int from) {
            if (unclosed.contains(name)) {
                return -1;
            }
            for (int p = html.indexOf("</", from); p >= 0; p = html.indexOf("</", p + 2)) {
                if (!html.regionMatches(true, p + 2, name, 0, name.length())) {
                    continue;
                }
                int q = p + 2 + name.length();
                while (q < html.length() && isHtmlSpace(html.charAt(q))) {
                    q++;
                }
                if (q < html.length() && html.charAt(q) == '>') {
                    return q + 1;
                }
            }
            unclosed.add(name);
            return -1;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static void handle(StringBuilder out, Tag tag, State state) {
        boolean closing = tag.closing;
        String name = tag.name;
        String attributes = tag.attributes;
        switch (name) {
            case "br" -> newline(out, 1);
            case "hr" -> {
                newline(out, 1);
                out.append("----------");
                newline(out, 1);
            }
            case "li" -> {
                if (!closing) {
                    newline(out, 1);
                    out.append("- ");
                }
            }
            case "td", "th" -> {
                if (closing) {
                    out.append(' ');
                }
            }
            case "img" -> {
                String alt = attribute(ALT, attributes);
                if (alt != null && !alt.isBlank()) {
                    out.append(decode(alt));
                }
            }
            case "a" -> {
                if (!closing) {
                    state.href = attribute(HREF, attributes);
                    state.linkStart = out.length();
                } else if (state.href != null) {
                    String url = decode(state.href).trim();
                    String label = out.substring(Math.min(state.linkStart, out.length())).trim();
                    boolean worthShowing = !url.isEmpty() && !url.startsWith("#") && !url.equals(label)
                            && !url.equals("mailto:" + label) && !url.equals("tel:" + label);
                    if (worthShowing) {
                        out.append(label.isEmpty() ? url : " (" + url + ")");
                    }
                    state.href = null;
                }
            }
            default -> {
                if (BLOCK.matcher(name).matches()) {
                    newline(out, name.equals("p") || name.startsWith("h") && name.length() == 2 ? 2 : 1);
                }
            }
        }
    }

    private static void appendText(StringBuilder out, String raw) {
        // HTML collapses whitespace; line breaks come from the tags
        String text = decode(collapseWhitespace(raw));
        if (text.isEmpty()) {
            return;
        }
        boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        boolean afterSpace = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
        if ((atLineStart || afterSpace) && text.startsWith(" ")) {
            text = text.substring(1);
        }
        out.append(text);
    }

    /** Runs of HTML whitespace (space, tab, CR, LF, FF) as one space; the string itself when it has none. */
    static String collapseWhitespace(String raw) {
        int n = raw.length();
        boolean needed = false;
        for (int i = 0; i < n && !needed; i++) {
            char c = raw.charAt(i);
            needed = isHtmlSpace(c) && (c != ' ' || i + 1 < n && isHtmlSpace(raw.charAt(i + 1)));
        }
        if (!needed) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(n);
        boolean inRun = false;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (isHtmlSpace(c)) {
                if (!inRun) {
                    sb.append(' ');
                }
                inRun = true;
            } else {
                sb.append(c);
                inRun = false;
            }
        }
        return sb.toString();
    }

    private static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
    }

    private static void newline(StringBuilder out, int count) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        int existing = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
            existing++;
        }
        for (int i = existing; i < count; i++) {
            out.append('\n');
        }
    }

    private static String tidy(StringBuilder out) {
        String[] lines = out.toString().replace('\u00a0', ' ').split("\n", -1);
        StringBuilder sb = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                blank++;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(blank > 0 ? "\n\n" : "\n");
            }
            sb.append(collapseWhitespace(trimmed));
            blank = 0;
        }
        return sb.toString();
    }

    private static String attribute(Pattern pattern, String attributes) {
        Matcher m = pattern.matcher(attributes);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#")) {
                try {
                    int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    replacement = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
                } catch (NumberFormatException e) {
                    replacement = m.group();
                }
            } else {
                replacement = ENTITIES.getOrDefault(name, m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
