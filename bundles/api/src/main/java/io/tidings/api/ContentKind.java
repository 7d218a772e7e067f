package io.tidings.api;

/**
 * What content a medium takes, so that templates, their editor and their preview know what to ask
 * for and render. A channel declares the kind of the media it serves ({@code channel.content}); the
 * built-in media have theirs ({@link Medium#builtInKind()}).
 */
public enum ContentKind {
    /** Email-like: subject, HTML, text and files. */
    EMAIL,
    /** Text-like: one text, with the channel's length rule (SMS counts GSM-7/UCS-2 segments). */
    TEXT,
    /** Structured: a JSON payload rendered from a template whose values are JSON-escaped. */
    STRUCTURED;

    /** The kind named by a {@code channel.content} value, case-insensitive; null when it names none. */
    public static ContentKind parse(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim().toUpperCase(java.util.Locale.ROOT);
        for (ContentKind kind : values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        return null;
    }
}
