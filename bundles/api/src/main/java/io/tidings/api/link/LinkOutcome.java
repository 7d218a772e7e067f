package io.tidings.api.link;

/**
 * What following a link did; the endpoint that answers it words the page (in the language of the
 * message when known).
 *
 * @param result   the verdict
 * @param action   the link's action; null when the link could not be read or is a tracking link
 * @param language the language of the message that carried the link; may be null
 * @param target   where a tracked click goes on to ({@link Result#CLICKED}); null otherwise
 */
public record LinkOutcome(Result result, LinkAction action, String language, String target) {

    /** An outcome that goes nowhere further. */
    public LinkOutcome(Result result, LinkAction action, String language) {
        this(result, action, language, null);
    }

    public enum Result {
        /** Recorded now, or already recorded by an earlier visit. */
        DONE,
        /** A valid action link opened in a browser: nothing recorded until the recipient confirms. */
        CONFIRM,
        /** A link made for a template preview: nothing was recorded. */
        PREVIEW,
        /** Correctly signed but past its expiry. */
        EXPIRED,
        /** Not a link Tidings made: unreadable or the signature does not match. */
        INVALID,
        /** An email's tracking image was loaded: answer with the image. */
        OPENED,
        /** A tracked link of an email was clicked: go on to {@code target}. */
        CLICKED
    }
}
