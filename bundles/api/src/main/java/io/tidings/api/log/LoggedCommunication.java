package io.tidings.api.log;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tidings.api.EntityRef;
import io.tidings.api.ValidationException;

/**
 * A communication Tidings did not send itself: logged by a person or a host ({@code manual}: a phone
 * call, a letter, a visit, an email written elsewhere) or received from a contact ({@code received}:
 * an SMS reply).
 *
 * @param id         the host's id (the same id twice records once); received ones get one from Tidings
 * @param kind       {@code manual} or {@code received}
 * @param medium     an upper-case name: PHONE, LETTER, IN_PERSON, EMAIL, SMS, WHATSAPP, …
 * @param contact    the contact as a {@code contact_information} snapshot ({@code id}, {@code name},
 *                   {@code email}, {@code phone}); may be empty
 * @param entity     what it is about (an order, a service request); may be null
 * @param category   one of the administrator's categories; may be null
 * @param occurredAt when it happened; a DRAFT may leave it null (it is then the time of completion)
 * @param followUpOf the communication whose follow-up this completes; may be null
 * @param related    other communications it relates to
 * @param owner      the user who logged it or is responsible for it
 * @param channel    the channel a received one came through; null for manual ones
 * @param sentAs     the id of the message Tidings sent for a completed EMAIL or SMS draft; else null
 */
public record LoggedCommunication(String id, String kind, String medium, Direction direction, EntryState state,
        Map<String, Object> contact, EntityRef entity, String category, String subject, String notes,
        Instant occurredAt, String followUpOf, List<String> related, String owner, String channel, String sentAs,
        Instant createdAt, Instant updatedAt) {

    public static final String MANUAL = "manual";
    public static final String RECEIVED = "received";

    /** A medium's name: what a channel or a person calls it. */
    public static final Pattern MEDIUM = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public static final int MAX_NOTES = 100_000;

    public LoggedCommunication {
        contact = contact == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(contact));
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** The host's id of the contact ({@code contact.id}), null when the contact has none. */
    public String contactId() {
        Object id = contact.get("id");
        return id == null || id.toString().isBlank() ? null : id.toString().trim();
    }

    /** The contact's address that fits the medium: the email for EMAIL, else the phone, else the email. */
    public String address() {
        Object email = contact.get("email");
        Object phone = contact.get("phone");
        if ("EMAIL".equals(medium) && email != null) {
            return email.toString().trim();
        }
        if (phone != null) {
            return phone.toString().trim();
        }
        return email == null ? null : email.toString().trim();
    }

    public LoggedCommunication withId(String newId) {
        return new LoggedCommunication(newId, kind, medium, direction, state, contact, entity, category, subject,
                notes, occurredAt, followUpOf, related, owner, channel, sentAs, createdAt, updatedAt);
    }

    public LoggedCommunication withOccurredAt(Instant at) {
        return new LoggedCommunication(id, kind, medium, direction, state, contact, entity, category, subject, notes,
                at, followUpOf, related, owner, channel, sentAs, createdAt, updatedAt);
    }

    public LoggedCommunication withSentAs(String communicationId) {
        return new LoggedCommunication(id, kind, medium, direction, state, contact, entity, category, subject, notes,
                occurredAt, followUpOf, related, owner, channel, communicationId, createdAt, updatedAt);
    }

    /** @throws ValidationException naming the first field at fault */
    public void validate() {
        if (id == null || id.isBlank()) {
            throw new ValidationException("id", "is required: the host's id (the same id twice records once)");
        }
        if (id.length() > 200) {
            throw new ValidationException("id", "is longer than 200 characters");
        }
        if (medium == null || !MEDIUM.matcher(medium).matches()) {
            throw new ValidationException("medium", "must be an upper-case name such as PHONE, LETTER, IN_PERSON, "
                    + "EMAIL, SMS or WHATSAPP (letters, digits, '_', at most 32), was '" + medium + "'");
        }
        if (direction == null) {
            throw new ValidationException("direction", "is required: INBOUND or OUTBOUND");
        }
        if (state == null) {
            throw new ValidationException("state", "is required: DRAFT or COMPLETED");
        }
        for (String field : List.of("id", "name", "email", "phone")) {
            Object value = contact.get(field);
            if (value != null && (!(value instanceof String || value instanceof Number)
                    || value.toString().length() > 320)) {
                throw new ValidationException("contact." + field, "must be a text of at most 320 characters");
            }
        }
        if (contactId() != null && contactId().length() > 200) {
            throw new ValidationException("contact.id", "is longer than 200 characters");
        }
        if (category != null && (category.isBlank() || category.length() > 64)) {
            throw new ValidationException("category", "must name one of the categories");
        }
        if (subject != null && (subject.length() > 998 || subject.contains("\n") || subject.contains("\r"))) {
            throw new ValidationException("subject", "must be one line of at most 998 characters");
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new ValidationException("notes", "is longer than " + MAX_NOTES + " characters");
        }
        if (state == EntryState.COMPLETED && occurredAt == null) {
            throw new ValidationException("occurredAt", "is required for a COMPLETED communication");
        }
        if (followUpOf != null && (followUpOf.isBlank() || followUpOf.length() > 200)) {
            throw new ValidationException("followUpOf", "must be a communication id");
        }
        for (int i = 0; i < related.size(); i++) {
            String r = related.get(i);
            if (r == null || r.isBlank() || r.length() > 200) {
                throw new ValidationException("related[" + i + "]", "must be a communication id");
            }
            if (r.equals(id)) {
                throw new ValidationException("related[" + i + "]", "a communication is not related to itself");
            }
        }
        if (related.size() > 100) {
            throw new ValidationException("related", "lists more than 100 communications");
        }
        if (owner != null && owner.length() > 200) {
            throw new ValidationException("owner", "is longer than 200 characters");
        }
    }
}
