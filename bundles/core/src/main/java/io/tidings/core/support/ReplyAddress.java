package io.tidings.core.support;

import java.util.regex.Pattern;

import io.tidings.api.ValidationException;

/** Checks a {@code replyTo} of a template or a rule: one bare email address, or none. */
public final class ReplyAddress {

    private static final int MAX = 320;
    /** local@domain.tld: printable ASCII without spaces, angle brackets, commas or quotes; a dotted domain. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private ReplyAddress() {
    }

    /**
     * @param field the field to name when it is malformed ({@code replyTo})
     * @throws ValidationException naming {@code field} when the value is not null and not a bare address
     */
    public static void check(String value, String field) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX || !ADDRESS.matcher(value).matches() || value.startsWith(".")
                || value.contains("..")) {
            throw new ValidationException(field, "must be one bare email address such as support@example.com "
                    + "(no display name, no spaces, at most " + MAX + " characters)");
        }
    }
}
