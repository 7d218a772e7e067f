package io.tidings.core.dispatch;

import java.net.URLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.tidings.api.channel.Attachment;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateAttachment;

/**
 * Turns a template's attachments into bytes when a message is sent: a field of the event data
 * (base64) or a URL the template names, fetched over HTTP by {@link AttachmentFetcher} within one
 * deadline and a size limit, from public addresses only unless the operator allows internal ones
 * ({@link AddressPolicy}). A URL's file is reused for a minute, since a campaign sends the same
 * file to many recipients.
 */
public final class AttachmentResolver {

    /** Why the attachments could not be resolved; {@code transientFailure} when trying later may help. */
    public static final class AttachmentException extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean transientFailure;

        AttachmentException(String message, boolean transientFailure) {
            super(message);
            this.transientFailure = transientFailure;
        }

        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private record Fetched(byte[] bytes, String contentType, long expiresAtNanos) {
    }

    private static final long REUSE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_CACHED_FILES = 64;

    private static final String OCTET_STREAM = "application/octet-stream";

    private final long maxBytes;
    private final AttachmentFetcher fetcher;
    private final java.util.concurrent.ConcurrentMap<String, Fetched> fetched = new java.util.concurrent.ConcurrentHashMap<>();

    /** Fetches from public addresses only. */
    public AttachmentResolver(long maxBytes, Duration timeout) {
        this(maxBytes, timeout, List.of());
    }

    /**
     * @param timeout the whole fetch of one URL, redirects and body included
     * @param allowedHosts host names or CIDR ranges whose internal addresses may be fetched from
     */
    public AttachmentResolver(long maxBytes, Duration timeout, List<String> allowedHosts) {
        this(maxBytes, timeout, new AddressPolicy(allowedHosts, AddressPolicy.DNS));
    }

    AttachmentResolver(long maxBytes, Duration timeout, AddressPolicy policy) {
        this.maxBytes = maxBytes;
        this.fetcher = new AttachmentFetcher(policy, maxBytes, timeout);
    }

    /** The template's attachments for one message; empty when it has none. */
    public List<Attachment> resolve(Template template, Map<String, Object> data) throws AttachmentException {
        List<Attachment> result = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < template.attachments().size(); i++) {
            TemplateAttachment a = template.attachments().get(i);
            String name = "attachment " + (a.filename() == null || a.filename().isBlank() ? String.valueOf(i + 1)
                    : "'" + a.filename() + "'");
            Attachment attachment = a.url() != null && !a.url().isBlank() ? fromUrl(a, name) : fromField(a, name, data);
            total += attachment.content().length;
            if (total > maxBytes) {
                throw new AttachmentException("the attachments exceed " + maxBytes + " bytes together", false);
            }
            result.add(attachment);
        }
        return result;
    }

    private Attachment fromField(TemplateAttachment a, String name, Map<String, Object> data) throws AttachmentException {
        Object value = data;
        for (String segment : a.field().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(segment) : null;
        }
        String base64;
        String filename = a.filename();
        String contentType = a.contentType();
        if (value instanceof String text) {
            base64 = text;
        } else if (value instanceof Map<?, ?> file && file.get("base64") instanceof String text) {
            base64 = text;
            if (filename == null && file.get("filename") instanceof String f && !f.isBlank()) {
                filename = f;
            }
            if (contentType == null && file.get("contentType") instanceof String t && !t.isBlank()) {
                contentType = t;
            }
        } else {
            throw new AttachmentException(name + ": the event has no file at " + a.field()
                    + " (a base64 string or {\"filename\",\"contentType\",\"base64\"})", false);
        }
        if (base64.length() / 4 * 3 > maxBytes + 3) {
            throw new AttachmentException(name + ": the file at " + a.field() + " exceeds " + maxBytes + " bytes", false);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new AttachmentException(name + ": " + a.field() + " is not base64: " + e.getMessage(), false);
        }
        if (filename == null || filename.isBlank()) {
            throw new AttachmentException(name + ": no file name (in the template or " + a.field() + ".filename)", false);
        }
        return new Attachment(filename, type(contentType, null, filename), bytes, a.inline() ? a.contentId() : null);
    }

    private Attachment fromUrl(TemplateAttachment a, String name) throws AttachmentException {
        String url = a.url().trim();
        long now = System.nanoTime();
        Fetched file = fetched.get(url);
        if (file == null || now - file.expiresAtNanos() >= 0) {
            file = fetch(url, name);
            if (fetched.size() >= MAX_CACHED_FILES) {
                fetched.values().removeIf(f -> now - f.expiresAtNanos() >= 0);
            }
            if (fetched.size() < MAX_CACHED_FILES) {
                fetched.put(url, file);
            }
        }
        return new Attachment(a.filename(), type(a.contentType(), file.contentType(), a.filename()), file.bytes(),
                a.inline() ? a.contentId() : null);
    }

    private Fetched fetch(String url, String name) throws AttachmentException {
        AttachmentFetcher.Fetched file = fetcher.fetch(url, name);
        return new Fetched(file.bytes(), file.contentType(), System.nanoTime() + REUSE_NANOS);
    }

    /** The template's type, else the server's, else one guessed from the file name. */
    private static String type(String declared, String served, String filename) {
        if (declared != null && !declared.isBlank()) {
            return declared.trim();
        }
        if (served != null && !served.isBlank()) {
            return served.split(";")[0].trim();
        }
        String guessed = filename == null ? null : URLConnection.guessContentTypeFromName(filename);
        return guessed == null ? OCTET_STREAM : guessed;
    }
}
