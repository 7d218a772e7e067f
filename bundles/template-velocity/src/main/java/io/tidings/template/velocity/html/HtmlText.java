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

    private static final Pattern INVISIBLE = Pattern.compile(
            "<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>");
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

    public static String toText(String html) {
        String visible = INVISIBLE.matcher(html).replaceAll("");
        StringBuilder out = new StringBuilder(visible.length());
        Matcher tag = TAG.matcher(visible);
        String href = null;
        int linkStart = 0;
        int at = 0;
        while (tag.find()) {
            appendText(out, visible.substring(at, tag.start()));
            at = tag.end();
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            String attributes = tag.group(3);
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
                        href = attribute(HREF, attributes);
                        linkStart = out.length();
                    } else if (href != null) {
                        String url = decode(href).trim();
                        String label = out.substring(Math.min(linkStart, out.length())).trim();
                        boolean worthShowing = !url.isEmpty() && !url.startsWith("#") && !url.equals(label)
                                && !url.equals("mailto:" + label) && !url.equals("tel:" + label);
                        if (worthShowing) {
                            out.append(label.isEmpty() ? url : " (" + url + ")");
                        }
                        href = null;
                    }
                }
                default -> {
                    if (BLOCK.matcher(name).matches()) {
                        newline(out, name.equals("p") || name.startsWith("h") && name.length() == 2 ? 2 : 1);
                    }
                }
            }
        }
        appendText(out, visible.substring(at));
        return tidy(out);
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
