package io.tidings.api.channel;

/**
 * A file sent with an email, resolved to its bytes.
 *
 * @param filename    the file name the recipient sees
 * @param contentType its MIME type
 * @param content     the bytes (do not modify)
 * @param contentId   the id the HTML shows it by ({@code cid:<contentId>}) for an inline image; null
 *                    for an attachment
 */
public record Attachment(String filename, String contentType, byte[] content, String contentId) {

    public boolean inline() {
        return contentId != null;
    }
}
