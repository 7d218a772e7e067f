package io.tidings.api;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message an agent writes to one contact, as the "send SMS" button of a customer card does. It
 * goes through the queue, the channels and the record like any other message, with the contact's
 * consent for the medium and the opt-outs recorded through Tidings applied. It is transactional:
 * offers go through rules, which carry the marketing consent.
 *
 * @param id        the host's id for the message; the same id twice sends once
 * @param medium    {@link Medium#EMAIL} or {@link Medium#SMS}
 * @param recipient the contact as a {@code contact_information} snapshot: {@code name}, {@code email}
 *                  or {@code phone}, {@code preferred_language}, {@code consent}
 * @param subject   the email's subject; none for SMS
 * @param text      the text, sent as written: tags in it are not expanded
 * @param entity    what the message is about, for the record (an order, a service request); null
 *                  records it under {@code manual_message} and its id
 * @param sendAt    null to send now, else not before then
 */
public record ManualMessage(String id, Medium medium, Map<String, Object> recipient, String subject, String text,
        EntityRef entity, OffsetDateTime sendAt) {

    /** Longest text accepted: a long SMS splits into at most 255 parts, an email body is capped too. */
    public static final int MAX_TEXT = 100_000;

    public ManualMessage {
        recipient = recipient == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(recipient));
    }

    /** @throws ValidationException naming the first field at fault */
    public void validate() {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required: the host's id for the message (the same id twice sends once)");
        }
        if (id.length() > 200) {
            throw new ValidationException("id", "is longer than 200 characters");
        }
        if (medium == null) {
            throw new ValidationException("medium", "is required: EMAIL or SMS");
        }
        if (recipient.isEmpty()) {
            throw new ValidationException("recipient",
                    "is required: the contact, e.g. {\"name\":…,\"phone\":…,\"preferred_language\":…,\"consent\":{\"sms\":true}}");
        }
        String address = medium == Medium.EMAIL ? "email" : "phone";
        Object to = recipient.get(address);
        if (!(to instanceof String s) || s.isBlank()) {
            throw new ValidationException("recipient." + address, "is required for a message by " + medium);
        }
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "is required");
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
}
