package io.tidings.api;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message created by hand for one contact, as the "send SMS" button of a customer card does:
 * either a text an agent wrote, sent as written, or a template rendered with the data given (its
 * {@code #unrestricted.*} values too). It goes through the queue, the channels and the record like
 * any other message, with the contact's consent for the medium and the opt-outs recorded through
 * Tidings applied. It is transactional: offers go through rules, which carry the marketing consent.
 *
 * @param id        the host's id for the message; the same id twice sends once
 * @param medium    {@link Medium#EMAIL} or {@link Medium#SMS}; with a template, null takes the template's
 * @param recipient the contact as a {@code contact_information} snapshot: {@code name}, {@code email}
 *                  or {@code phone}, {@code preferred_language}, {@code consent}
 * @param subject   the email's subject, with {@code text}; none for SMS
 * @param text      the text, sent as written: tags in it are not expanded; null with a template
 * @param template  the key of a template to render instead of a text; null with a text
 * @param data      the template's data beside the recipient (entities, {@code unrestricted} values)
 * @param entity    what the message is about, for the record (an order, a service request); null
 *                  records it under {@code manual_message} and its id
 * @param sendAt    null to send now, else not before then
 * @param unit      the organisational unit it is sent for (its communication belongs to it); null for none
 *                  (since API 1.6)
 */
public record ManualMessage(String id, Medium medium, Map<String, Object> recipient, String subject, String text,
        String template, Map<String, Object> data, EntityRef entity, OffsetDateTime sendAt, String unit) {

    /** A message of no unit (the signature before API 1.6). */
    public ManualMessage(String id, Medium medium, Map<String, Object> recipient, String subject, String text,
            String template, Map<String, Object> data, EntityRef entity, OffsetDateTime sendAt) {
        this(id, medium, recipient, subject, text, template, data, entity, sendAt, null);
    }

    /** The same message sent for a unit. */
    public ManualMessage withUnit(String newUnit) {
        return new ManualMessage(id, medium, recipient, subject, text, template, data, entity, sendAt, newUnit);
    }

    /**
     * A text written at a console (the shell, the web console) to one address: by email when it has
     * an {@code @}, else by SMS; the writer vouches for the recipient's consent to that medium.
     *
     * @param name     the recipient's name, for the record; may be null
     * @param language the text's language, e.g. {@code uk}; may be null
     */
    public static ManualMessage written(String id, String address, String name, String language, String subject,
            String text, OffsetDateTime sendAt) {
        Medium medium = address != null && address.contains("@") ? Medium.EMAIL : Medium.SMS;
        String field = medium == Medium.EMAIL ? "email" : "phone";
        Map<String, Object> recipient = new LinkedHashMap<>();
        if (address != null) {
            recipient.put(field, address.trim());
        }
        if (name != null && !name.isBlank()) {
            recipient.put("name", name.trim());
        }
        if (language != null && !language.isBlank()) {
            recipient.put("preferred_language", language.trim());
        }
        recipient.put("consent", Map.of(medium == Medium.EMAIL ? "email" : "sms", true));
        return new ManualMessage(id, medium, recipient, subject, text, null, sendAt);
    }

    /** Longest text accepted: a long SMS splits into at most 255 parts, an email body is capped too. */
    public static final int MAX_TEXT = 100_000;

    public ManualMessage {
        recipient = recipient == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(recipient));
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A text written by hand. */
    public ManualMessage(String id, Medium medium, Map<String, Object> recipient, String subject, String text,
            EntityRef entity, OffsetDateTime sendAt) {
        this(id, medium, recipient, subject, text, null, null, entity, sendAt);
    }

    /** @throws ValidationException naming the first field at fault */
    public void validate() {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required: the host's id for the message (the same id twice sends once)");
        }
        if (id.length() > 200) {
            throw new ValidationException("id", "is longer than 200 characters");
        }
        if (recipient.isEmpty()) {
            throw new ValidationException("recipient",
                    "is required: the contact, e.g. {\"name\":…,\"phone\":…,\"preferred_language\":…,\"consent\":{\"sms\":true}}");
        }
        if (data.containsKey("contact_information")) {
            throw new ValidationException("data.contact_information", "the contact is the recipient; give it there");
        }
        if (template != null) {
            if (template.isBlank()) {
                throw new ValidationException("template", "must name a template");
            }
            if (text != null || subject != null) {
                throw new ValidationException(text != null ? "text" : "subject",
                        "comes from the template; give either a template or a text");
            }
            if (medium != null) {
                requireAddress(medium);
            }
            return;
        }
        if (!data.isEmpty()) {
            throw new ValidationException("data", "is for a template; a text is sent as written");
        }
        if (medium == null) {
            throw new ValidationException("medium", "is required: EMAIL or SMS");
        }
        requireAddress(medium);
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "is required (or a template)");
        }
        if (text.length() > MAX_TEXT) {
            throw new ValidationException("text", "is longer than " + MAX_TEXT + " characters");
        }
        if (medium == Medium.EMAIL && (subject == null || subject.isBlank())) {
            throw new ValidationException("subject", "is required for an email");
        }
        if (medium == Medium.SMS && subject != null) {
            throw new ValidationException("subject", "an SMS has no subject");
        }
        if (subject != null && (subject.length() > 998 || subject.contains("\n") || subject.contains("\r"))) {
            throw new ValidationException("subject", "must be one line of at most 998 characters");
        }
    }

    /** The recipient has the address the medium needs. */
    public void requireAddress(Medium by) {
        String address = by == Medium.EMAIL ? "email" : "phone";
        Object to = recipient.get(address);
        if (!(to instanceof String s) || s.isBlank()) {
            throw new ValidationException("recipient." + address, "is required for a message by " + by);
        }
    }
}
