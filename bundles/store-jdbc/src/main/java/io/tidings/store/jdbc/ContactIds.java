package io.tidings.store.jdbc;

import java.util.Locale;
import java.util.Map;

import io.tidings.api.BusinessEvent;

/**
 * The host's id of the contact a communication went to: the event's {@code contact_information.id}
 * when the recipient is that contact's email or phone (a copy to a fixed extra address is not the
 * contact's). Phone numbers compare by their digits, ignoring a national trunk zero and a country code
 * the planner added.
 */
final class ContactIds {

    private ContactIds() {
    }

    static String of(BusinessEvent event, String recipient) {
        if (recipient == null || !(event.data().get("contact_information") instanceof Map<?, ?> contact)) {
            return null;
        }
        Object id = contact.get("id");
        if (id == null || id.toString().isBlank() || id.toString().length() > 200) {
            return null;
        }
        Object email = contact.get("email");
        if (email != null && recipient.contains("@")) {
            return email.toString().trim().toLowerCase(Locale.ROOT).equals(recipient.trim().toLowerCase(Locale.ROOT))
                    ? id.toString().trim() : null;
        }
        Object phone = contact.get("phone");
        if (phone == null || recipient.contains("@")) {
            return null;
        }
        String given = digits(phone.toString()).replaceFirst("^0+", "");
        String to = digits(recipient);
        return given.length() >= 6 && to.endsWith(given) ? id.toString().trim() : null;
    }

    private static String digits(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch >= '0' && ch <= '9') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
