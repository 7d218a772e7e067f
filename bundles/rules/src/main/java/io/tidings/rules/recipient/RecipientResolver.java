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
 * Phone numbers come out in E.164, read in the country of the event's location (the event's
 * {@code data.location.country}, else the configured location's country, else the default region),
 * so that opt-outs and erasure, which keep numbers in E.164, find them; a number that cannot be read
 * is never sent as written: its recipient is suppressed with the field and what is wrong.
 */
public final class RecipientResolver {

    private final CanonicalAddresses addresses;

    /** Without a default region: a number without a country code needs the event's country. */
    public RecipientResolver() {
        this(new CanonicalAddresses(null));
    }

    public RecipientResolver(CanonicalAddresses addresses) {
        this.addresses = addresses;
    }

    /** How the addresses it resolves are written. */
    public CanonicalAddresses addresses() {
        return addresses;
    }

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
        return resolve(entries, event, medium, null);
    }

    /**
     * @param locationCountry the country of the event's location as configured (ISO 3166), for
     *                        numbers without a country code when the event data names none; may be null
     */
    public List<Recipient> resolve(List<String> entries, BusinessEvent event, Medium medium, String locationCountry) {
        String country = country(event, locationCountry);
        List<Recipient> resolved = new ArrayList<>();
        for (String entry : entries) {
            if (entry.contains("@") || entry.startsWith("+")) {
                // a fixed entry is an email address or a phone number: it is not another medium's
                if ((medium == Medium.EMAIL || medium == Medium.SMS) && Addresses.serves(medium, entry)) {
                    fixed(entry, medium, resolved);
                }
            } else {
                fromData(entry, lookup(event.data(), entry), medium, country, resolved);
            }
        }
        return resolved;
    }

    /** The country a number without a country code is read in; null for the default region. */
    static String country(BusinessEvent event, String locationCountry) {
        if (lookup(event.data(), "location.country") instanceof String written && !written.isBlank()) {
            return written.trim();
        }
        return locationCountry == null || locationCountry.isBlank() ? null : locationCountry.trim();
    }

    private void fixed(String entry, Medium medium, List<Recipient> into) {
        if (medium != Medium.SMS) {
            into.add(new Recipient(entry, Recipient.Kind.FIXED, entry, null, null, null, null));
            return;
        }
        // international by validation, so the same number in every location
        PhoneNumbers.Reading number = addresses.phone(entry, null);
        into.add(new Recipient(entry, Recipient.Kind.FIXED, number.e164(), null, null, null,
                number.valid() ? null : "recipients entry " + entry + " is not a valid phone number: " + number.problem()));
    }

    private void fromData(String path, Object value, Medium medium, String country, List<Recipient> into) {
        String missing = "no " + Addresses.noun(medium) + " for " + path;
        if (value instanceof Map<?, ?> contact) {
            String field = Addresses.contactField(medium);
            String written = text(contact.get(field));
            String address = null;
            if (written != null) {
                // the reasons do not repeat the (personal) value
                if (medium == Medium.SMS) {
                    PhoneNumbers.Reading number = addresses.phone(written, country);
                    address = number.e164();
                    if (!number.valid()) {
                        missing = path + "." + field + " is not a valid phone number: " + number.problem();
                    }
                } else if (Addresses.serves(medium, written)) {
                    address = written;
                } else {
                    missing = path + "." + field + " is not a valid " + Addresses.noun(medium);
                }
            }
            into.add(new Recipient(path, Recipient.Kind.CONTACT, address, text(contact.get("name")),
                    text(contact.get("preferred_language")), contact, address == null ? missing : null));
            return;
        }
        int before = into.size();
        boolean list = value instanceof Collection<?>;
        List<?> values = value instanceof Collection<?> items ? new ArrayList<>(items)
                : value == null ? List.of() : List.of(value);
        for (int i = 0; i < values.size(); i++) {
            String address = text(values.get(i));
            // a value written as another medium's address (an email in a list of both) is not this one's
            if (address == null || !Addresses.serves(medium, address)) {
                continue;
            }
            if (medium == Medium.SMS) {
                PhoneNumbers.Reading number = addresses.phone(address, country);
                into.add(new Recipient(path, Recipient.Kind.FIELD, number.e164(), null, null, null, number.valid() ? null
                        : (list ? path + "[" + i + "]" : path) + " is not a valid phone number: " + number.problem()));
            } else {
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
