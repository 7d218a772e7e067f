package io.tidings.rules.recipient;

import java.util.Map;

/**
 * One resolved recipient of a rule for one medium.
 *
 * @param source   the rule's recipient entry it came from ({@code contact_information}, a field path,
 *                 or the fixed address itself)
 * @param kind     what the entry is: decides which consent applies
 * @param address  the address for the medium; null when none was found
 * @param contact  the contact's data (with its consent flags) when {@code kind} is CONTACT, else null
 * @param missing  why there is no address, null when there is one
 */
public record Recipient(String source, Kind kind, String address, String name, String language,
        Map<?, ?> contact, String missing) {

    public enum Kind {
        /** A customer: a data entry with the contact's addresses, name, language and consent. */
        CONTACT,
        /** A field of the event data holding an address (a manager, a technician): staff, not a customer. */
        FIELD,
        /** An address written in the rule (the shop's inbox). */
        FIXED
    }
}
