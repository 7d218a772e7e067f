package io.tidings.api.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.Medium;

/**
 * What a message says, per language.
 *
 * @param key             stable identifier used by rules
 * @param defaultLanguage used when the recipient's preferred language has no content
 * @param contents        content by language tag ({@code en}, {@code uk}, {@code da}, {@code fr})
 * @param version         1 for the first save, incremented by every edit (0 before saving)
 * @param attachments     files an email sends along, attachments or inline images (an SMS has none)
 * @param replyTo         for email, the address replies go to ({@code Reply-To}); null for the channel's default
 * @param unit            the organisational unit it belongs to; null for none (head office) (since API 1.5)
 */
public record Template(String key, String name, Medium medium, String defaultLanguage,
        Map<String, TemplateContent> contents, int version, List<TemplateAttachment> attachments, String replyTo,
        String unit) {

    /** A template of no unit (the signature of API 1.4). */
    public Template(String key, String name, Medium medium, String defaultLanguage, Map<String, TemplateContent> contents,
            int version, List<TemplateAttachment> attachments, String replyTo) {
        this(key, name, medium, defaultLanguage, contents, version, attachments, replyTo, null);
    }

    public Template {
        contents = contents == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(contents));
        attachments = attachments == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(attachments));
    }

    /** A template whose replies go to the channel's default (the signature of API 1.3). */
    public Template(String key, String name, Medium medium, String defaultLanguage, Map<String, TemplateContent> contents,
            int version, List<TemplateAttachment> attachments) {
        this(key, name, medium, defaultLanguage, contents, version, attachments, null);
    }

    /** A template without attachments (the signature of API 1.1). */
    public Template(String key, String name, Medium medium, String defaultLanguage, Map<String, TemplateContent> contents,
            int version) {
        this(key, name, medium, defaultLanguage, contents, version, List.of(), null);
    }

    public Template withVersion(int newVersion) {
        return new Template(key, name, medium, defaultLanguage, contents, newVersion, attachments, replyTo, unit);
    }

    /** The same template in another unit (null for none). */
    public Template withUnit(String newUnit) {
        return new Template(key, name, medium, defaultLanguage, contents, version, attachments, replyTo, newUnit);
    }
}
