package io.tidings.api.template;

import java.util.List;

/**
 * A template rendered for one recipient.
 *
 * @param language       the language actually used
 * @param languageReason why that language (e.g. "preferred language 'de' has no content; default 'en'"), null when the preferred one was used
 * @param templateVersion the version that rendered it
 * @param sms            encoding, length and parts of an SMS text; null for other media
 * @param blankTags      the tags that rendered empty for the data (no value, or a blank one), e.g.
 *                       {@code #order.pickup_time}, each once in the order first met; empty when none
 *                       (or when the engine cannot tell)
 * @since 1.3
 */
public record RenderedMessage(String language, String languageReason, int templateVersion, String subject,
        String html, String text, SmsInfo sms, List<String> blankTags) {

    public RenderedMessage {
        blankTags = blankTags == null ? List.of() : List.copyOf(blankTags);
    }

    /** A message with no report of blank tags (the form of API 1.2). */
    public RenderedMessage(String language, String languageReason, int templateVersion, String subject, String html,
            String text, SmsInfo sms) {
        this(language, languageReason, templateVersion, subject, html, text, sms, List.of());
    }

    /** A message with no SMS details (the form before {@link SmsInfo} existed). */
    public RenderedMessage(String language, String languageReason, int templateVersion, String subject, String html,
            String text) {
        this(language, languageReason, templateVersion, subject, html, text, null, List.of());
    }
}
