package io.tidings.api.template;

/**
 * A template rendered for one recipient.
 *
 * @param language       the language actually used
 * @param languageReason why that language (e.g. "preferred language 'de' has no content; default 'en'"), null when the preferred one was used
 * @param templateVersion the version that rendered it
 * @param sms            encoding, length and parts of an SMS text; null for other media
 */
public record RenderedMessage(String language, String languageReason, int templateVersion, String subject,
        String html, String text, SmsInfo sms) {

    /** A message with no SMS details (the form before {@link SmsInfo} existed). */
    public RenderedMessage(String language, String languageReason, int templateVersion, String subject, String html,
            String text) {
        this(language, languageReason, templateVersion, subject, html, text, null);
    }
}
