package io.tidings.rules.recipient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;

/**
 * Turns a rule's recipient entries into addresses for one medium. An entry is
 * <ul>
 * <li>a data path whose value is a map with {@code email}/{@code phone} (the contact, e.g.
 * {@code contact_information}): its address for the medium, {@code name} and
 * {@code preferred_language};</li>
 * <li>a data path whose value is an address or a list of addresses ({@code order.manager_email});</li>
 * <li>a fixed address: containing {@code @} (email) or {@code +} and digits (phone), used only for
 * its own medium.</li>
 * </ul>
 */
public final class RecipientResolver {

    /** @throws ValidationException on {@code recipients[i]} */
    public void validate(List<String> recipients) {
        if (recipients.size() > 50) {
            throw new ValidationException("recipients", "must have at most 50 entries");
        }
        for (int i = 0; i < recipients.size(); i++) {
            String entry = recipients.get(i);
            String field = "recipients[" + i + "]";
            if (entry == null || entry.isBlank()) {
                throw new ValidationException(field, "must not be blank");
            }
            if (entry.contains("@")) {
                if (!Addresses.isEmail(entry)) {
                    throw new ValidationException(field, "'" + entry + "' is not a valid email address");
                }
            } else if (entry.startsWith("+")) {
                if (!Addresses.isFixedPhone(entry)) {
                    throw new ValidationException(field,
                            "'" + entry + "' is not a phone number in international form (+ and 6 to 15 digits)");
                }
            } else if (!Addresses.isPath(entry)) {
                throw new ValidationException(field, "'" + entry
                        + "' is neither a data field (e.g. contact_information, order.manager_email), an email address nor a +phone number");
            }
        }
    }

    /** The recipients of one medium, in the rule's order; a fixed address of another medium is left out. */
    public List<Recipient> resolve(List<String> entries, BusinessEvent event, Medium medium) {
        List<Recipient> resolved = new ArrayList<>();
        for (String entry : entries) {
            if (entry.contains("@") || entry.startsWith("+")) {
                if (Addresses.serves(medium, entry)) {
                    resolved.add(new Recipient(entry, Recipient.Kind.FIXED, entry, null, null, null, null));
                }
            } else {
                fromData(entry, lookup(event.data(), entry), medium, resolved);
            }
        }
        return resolved;
    }

    private static void fromData(String path, Object value, Medium medium, List<Recipient> into) {
        String missing = "no " + Addresses.noun(medium) + " for " + path;
        if (value instanceof Map<?, ?> contact) {
            String field = Addresses.contactField(medium);
            String address = text(contact.get(field));
            if (address != null && !Addresses.serves(medium, address)) {
                // the provider would refuse it anyway; the reason does not repeat the (personal) value
                missing = path + "." + field + " is not a valid " + Addresses.noun(medium);
                address = null;
            }
            into.add(new Recipient(path, Recipient.Kind.CONTACT, address, text(contact.get("name")),
                    text(contact.get("preferred_language")), contact, address == null ? missing : null));
            return;
        }
        int before = into.size();
        Collection<?> values = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object item : values) {
            String address = text(item);
            if (address != null && Addresses.serves(medium, address)) {
                into.add(new Recipient(path, Recipient.Kind.FIELD, address, null, null, null, null));
            }
        }
        if (into.size() == before) {
            into.add(new Recipient(path, Recipient.Kind.FIELD, null, null, null, null, missing));
        }
    }

    /** Follows a dotted path through nested maps; null where it leads nowhere. */
    static Object lookup(Map<String, Object> data, String path) {
        Object current = data;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
