package io.tidings.core.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.api.ManualMessage;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;

/**
 * Messages created by hand (see {@link ManualMessage}) travel as the engine's own event and rule,
 * so that consent, opt-outs, the queue, retries and the record treat them as any other. A text
 * travels as the {@code manual_message} entity of the event, and a built-in template per medium and
 * language renders it as written (a value is never parsed as a template); a template named by the
 * message renders with the message's data.
 */
public final class ManualMessages {

    /** The event type and the rule key the record shows for them. */
    public static final String EVENT_TYPE = "tidings.manual_message";
    public static final String RULE = "tidings.manual";
    /** Event ids are the host's id under this prefix, apart from the host's own event ids. */
    static final String EVENT_PREFIX = "manual:";
    static final String ENTITY = "manual_message";

    private static final String TEMPLATE_PREFIX = "tidings.manual.";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*");

    private ManualMessages() {
    }

    /** The event that carries the message. */
    public static BusinessEvent event(ManualMessage message, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>(message.data());
        data.put("contact_information", message.recipient());
        if (message.text() != null) {
            Map<String, Object> text = new LinkedHashMap<>();
            text.put("text", message.text());
            if (message.subject() != null) {
                text.put("subject", message.subject());
            }
            data.put(ENTITY, text);
        }
        EntityRef entity = message.entity() != null ? message.entity() : new EntityRef(ENTITY, message.id());
        return new BusinessEvent(EVENT_PREFIX + message.id(), EVENT_TYPE, now.atOffset(ZoneOffset.UTC), null, entity, data,
                message.unit());
    }

    /** The one-message rule: transactional, to the contact, at the time asked for. */
    public static NotificationRule rule(ManualMessage message, Instant now) {
        Duration delay = message.sendAt() == null || !message.sendAt().toInstant().isAfter(now) ? null
                : Duration.between(now, message.sendAt().toInstant());
        return new NotificationRule(RULE, "Manual message", EVENT_TYPE, null, List.of(), null,
                List.of(message.template() != null ? message.template() : templateKey(message.medium(), language(message))),
                List.of("contact_information"),
                Purpose.TRANSACTIONAL, delay, true);
    }

    /** The built-in template a key names, for planning and for every later attempt to send. */
    public static Optional<Template> template(String key) {
        if (key == null || !key.startsWith(TEMPLATE_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(TEMPLATE_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        Medium medium;
        try {
            medium = Medium.valueOf(rest.substring(0, dot).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String language = rest.substring(dot + 1);
        if (!LANGUAGE.matcher(language).matches()) {
            return Optional.empty();
        }
        TemplateContent content = medium == Medium.EMAIL
                ? new TemplateContent("#" + ENTITY + ".subject", null, "#" + ENTITY + ".text")
                : new TemplateContent(null, null, "#" + ENTITY + ".text");
        return Optional.of(new Template(key, "Manual message", medium, language, Map.of(language, content), 1));
    }

    /** Keys starting with {@code tidings.} name the engine's own rules and templates. */
    public static void refuseReservedKey(String key) {
        if (key != null && key.toLowerCase(Locale.ROOT).startsWith("tidings.")) {
            throw new ValidationException("key", "keys starting with 'tidings.' are reserved for Tidings' own; was '"
                    + key + "'");
        }
    }

    static String templateKey(Medium medium, String language) {
        return TEMPLATE_PREFIX + medium.name().toLowerCase(Locale.ROOT) + "." + language;
    }

    /** The contact's preferred language when it reads as a language tag, else English. */
    private static String language(ManualMessage message) {
        Object preferred = message.recipient().get("preferred_language");
        String language = preferred instanceof String s ? s.trim() : "";
        return LANGUAGE.matcher(language).matches() ? language : "en";
    }
}
