package io.tidings.template.velocity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateAttachment;
import io.tidings.api.template.TemplateContent;

/** What a template must have before its texts are looked at: names, languages, parts per medium. */
final class TemplateStructure {

    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*");
    static final int MAX_ATTACHMENTS = 10;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");
    private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern CID = Pattern.compile("cid:([A-Za-z0-9._@-]+)");

    private TemplateStructure() {
    }

    static void check(Template template) {
        check(template, template == null || template.medium() == null ? null
                : template.medium().builtInKind().orElse(io.tidings.api.ContentKind.TEXT));
    }

    /** @param kind the content kind of the template's medium */
    static void check(Template template, io.tidings.api.ContentKind kind) {
        if (template == null) {
            throw new ValidationException("template", "is required");
        }
        required("key", template.key());
        required("name", template.name());
        if (template.medium() == null) {
            throw new ValidationException("medium", "is required (EMAIL, SMS, WEBHOOK or a medium a channel declares)");
        }
        required("defaultLanguage", template.defaultLanguage());
        if (template.contents().isEmpty()) {
            throw new ValidationException("contents", "needs content in at least one language");
        }
        if (!template.contents().containsKey(template.defaultLanguage())) {
            throw new ValidationException("defaultLanguage",
                    "the default language '" + template.defaultLanguage() + "' has no content");
        }
        for (Map.Entry<String, TemplateContent> e : template.contents().entrySet()) {
            String language = e.getKey();
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                throw new ValidationException("contents." + language, "is not a language tag (e.g. en, uk, da, fr)");
            }
            String prefix = "contents." + language;
            TemplateContent content = e.getValue();
            if (content == null) {
                throw new ValidationException(prefix, "has no content");
            }
            if (kind == io.tidings.api.ContentKind.EMAIL) {
                if (blank(content.subject())) {
                    throw new ValidationException(prefix + ".subject", "an email needs a subject");
                }
                if (blank(content.html()) && blank(content.text())) {
                    throw new ValidationException(prefix + ".html", "an email needs an HTML or a text body");
                }
            } else {
                String what = template.medium() == Medium.SMS ? "an SMS" : "a " + template.medium() + " message";
                boolean structured = kind == io.tidings.api.ContentKind.STRUCTURED;
                if (blank(content.text())) {
                    throw new ValidationException(prefix + ".text", what + " needs a "
                            + (structured ? "JSON payload template in text" : "text"));
                }
                if (content.subject() != null && !content.subject().isEmpty()) {
                    throw new ValidationException(prefix + ".subject", what + " has no subject");
                }
                if (content.html() != null && !content.html().isEmpty()) {
                    throw new ValidationException(prefix + ".html", what + " has no HTML body");
                }
            }
        }
        checkAttachments(template, kind);
    }

    /** Attachments: only email carries them; one source each; inline images named and referenced. */
    static void checkAttachments(Template template) {
        checkAttachments(template, template.medium() == null ? null
                : template.medium().builtInKind().orElse(io.tidings.api.ContentKind.TEXT));
    }

    static void checkAttachments(Template template, io.tidings.api.ContentKind kind) {
        List<TemplateAttachment> attachments = template.attachments();
        if (attachments.isEmpty()) {
            return;
        }
        if (kind != io.tidings.api.ContentKind.EMAIL) {
            throw new ValidationException("attachments", "an " + template.medium()
                    + " cannot carry attachments or images: only EMAIL templates can");
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new ValidationException("attachments", "at most " + MAX_ATTACHMENTS + " per template");
        }
        Set<String> contentIds = new HashSet<>();
        for (int i = 0; i < attachments.size(); i++) {
            String prefix = "attachments[" + i + "]";
            TemplateAttachment a = attachments.get(i);
            if (a == null) {
                throw new ValidationException(prefix, "is empty");
            }
            if (blank(a.url()) == blank(a.field())) {
                throw new ValidationException(prefix, "needs exactly one source: url (a file the template names) or "
                        + "field (event data holding the file)");
            }
            if (!blank(a.url())) {
                checkUrl(prefix + ".url", a.url());
                if (blank(a.filename())) {
                    throw new ValidationException(prefix + ".filename", "is required for a file from a url");
                }
            }
            if (!blank(a.field()) && !FIELD.matcher(a.field()).matches()) {
                throw new ValidationException(prefix + ".field", "must be a path into the event data such as bill.pdf; was '"
                        + a.field() + "'");
            }
            if (a.filename() != null && (a.filename().length() > 255 || a.filename().matches(".*[/\\\\\\p{Cntrl}].*"))) {
                throw new ValidationException(prefix + ".filename", "must be a file name of at most 255 characters "
                        + "without slashes or control characters");
            }
            if (a.contentType() != null && !CONTENT_TYPE.matcher(a.contentType()).matches()) {
                throw new ValidationException(prefix + ".contentType", "must be a MIME type such as application/pdf; was '"
                        + a.contentType() + "'");
            }
            if (a.inline()) {
                if (blank(a.contentId()) || !CONTENT_ID.matcher(a.contentId()).matches()) {
                    throw new ValidationException(prefix + ".contentId", "an inline image needs a contentId (letters, "
                            + "digits, . _ - @) that the HTML shows as cid:<contentId>");
                }
                if (a.contentType() != null && !a.contentType().toLowerCase(Locale.ROOT).startsWith("image/")) {
                    throw new ValidationException(prefix + ".contentType", "an inline image must be an image/* type; was '"
                            + a.contentType() + "'");
                }
                if (!contentIds.add(a.contentId())) {
                    throw new ValidationException(prefix + ".contentId", "'" + a.contentId() + "' is used twice");
                }
            } else if (!blank(a.contentId())) {
                throw new ValidationException(prefix + ".contentId", "only an inline image has a contentId");
            }
        }
        for (Map.Entry<String, TemplateContent> e : template.contents().entrySet()) {
            String html = e.getValue() == null ? null : e.getValue().html();
            if (html == null) {
                continue;
            }
            Matcher cid = CID.matcher(html);
            while (cid.find()) {
                if (!contentIds.contains(cid.group(1))) {
                    throw new ValidationException("contents." + e.getKey() + ".html", "refers to cid:" + cid.group(1)
                            + " but no inline image has that contentId");
                }
            }
        }
    }

    private static void checkUrl(String field, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ValidationException(field, "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ValidationException(field, "must be an http or https URL with a host; was '" + url + "'");
        }
    }

    private static void required(String field, String value) {
        if (blank(value)) {
            throw new ValidationException(field, "is required");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
