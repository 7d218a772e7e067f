package io.tidings.links.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds tracking to an email's HTML: each {@code <a href="http(s)://…">} goes through a click link
 * (in the text part too), and a 1×1 image that records the opening is added at the end of the body. Links that are already
 * Tidings links (dynamic links) and non-web links (mailto:, tel:) are left as they are.
 */
public final class HtmlTracking {

    private static final Pattern HREF = Pattern.compile("(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"']+)\\2",
            Pattern.CASE_INSENSITIVE);
    private static final String OUTSIDE_ADDRESS_BEFORE = "(?<![^\\s<>()\\[\\]\"'])";
    /** The end of the text, a space or bracket, or punctuation that ends a sentence. */
    private static final String OUTSIDE_ADDRESS_AFTER = "(?=$|[\\s<>()\\[\\]\"']|[.,;:!?](?:$|\\s))";
    private static final Pattern BODY_END = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

    private HtmlTracking() {
    }

    /**
     * @param clickLink the tracked link for an address (which may carry HTML entities such as {@code &amp;})
     * @param ownPrefix links starting with it are Tidings' own and are not rewritten
     */
    public static String clicks(String html, Function<String, String> clickLink, String ownPrefix) {
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (m.find()) {
            String href = m.group(3);
            String target = unescape(href);
            String replacement = target.startsWith(ownPrefix) || !TrackingToken.isWebAddress(target) ? m.group()
                    : m.group(1) + m.group(2) + clickLink.apply(target) + m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The text part with the web addresses the HTML part tracks replaced by their click links, so
     * that a reader of the text part is counted as well. An address is replaced where it stands
     * whole (not as the start of a longer one); the longest first.
     *
     * @param links tracked link by target address, as {@link #clicks} made them
     */
    public static String textClicks(String text, Map<String, String> links) {
        if (text == null || links.isEmpty()) {
            return text;
        }
        List<String> targets = new ArrayList<>(links.keySet());
        targets.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder any = new StringBuilder();
        for (String target : targets) {
            any.append(any.length() == 0 ? "" : "|").append(Pattern.quote(target));
        }
        // whole addresses only: nothing of an address may stand right before or after
        Matcher m = Pattern.compile(OUTSIDE_ADDRESS_BEFORE + "(?:" + any + ")" + OUTSIDE_ADDRESS_AFTER).matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(links.get(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String openPixel(String html, String imageUrl) {
        String pixel = "<img src=\"" + imageUrl + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
        Matcher end = BODY_END.matcher(html);
        int at = -1;
        while (end.find()) {
            at = end.start();
        }
        return at < 0 ? html + pixel : html.substring(0, at) + pixel + html.substring(at);
    }

    /** The few entities an href holds in practice. */
    private static String unescape(String href) {
        return href.replace("&amp;", "&").replace("&#38;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }
}
