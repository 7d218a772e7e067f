package io.tidings.api.template;

/**
 * A file an email template sends along: an attachment, or an image shown inside the HTML
 * ({@code <img src="cid:logo">}). Its bytes come from exactly one source, resolved when the message
 * is sent: a URL the template names, or a field of the event data.
 *
 * @param filename    the file name the recipient sees (any language); for {@code field} it may be
 *                    null when the event data names it
 * @param url         an http(s) URL to fetch the file from; null when {@code field} is set
 * @param field       a path into the event data ({@code bill.pdf}) holding
 *                    {@code {"filename","contentType","base64"}} or a base64 string; null when {@code url} is set
 * @param contentType the MIME type, e.g. {@code application/pdf}; null to take the source's
 * @param inline      true for an image the HTML shows by its {@code contentId}
 * @param contentId   the id the HTML refers to as {@code cid:<contentId>}; required when inline
 */
public record TemplateAttachment(String filename, String url, String field, String contentType, boolean inline,
        String contentId) {
}
