package io.tidings.rules.recipient;

import java.util.regex.Pattern;

import io.tidings.api.Medium;

/** What counts as an address of each medium, and how a rule's recipient entry is read. */
public final class Addresses {

    /** A fixed phone number in a rule: international form, so it means the same in every location. */
    private static final Pattern FIXED_PHONE = Pattern.compile("\\+[0-9]{6,15}");
    /** A phone number in event data as host platforms write it; {@link PhoneNumbers} reads it. */
    private static final Pattern DATA_PHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ()./-]{4,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** A data path: {@code contact_information}, {@code order.manager_email}. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private Addresses() {
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    public static boolean isFixedPhone(String value) {
        return value != null && FIXED_PHONE.matcher(value).matches();
    }

    public static boolean isPhone(String value) {
        return value != null && DATA_PHONE.matcher(value).matches();
    }

    public static boolean isPath(String value) {
        return value != null && value.length() <= 200 && PATH.matcher(value).matches();
    }

    /** Whether an address found in event data is written as one of the medium (a phone number may still be invalid). */
    public static boolean serves(Medium medium, String address) {
        if (medium == Medium.EMAIL) {
            return isEmail(address);
        }
        if (medium == Medium.SMS) {
            return !address.contains("@") && isPhone(address);
        }
        // another medium's address (a device token, a chat id) is whatever its channel reads
        return isOtherAddress(address);
    }

    /** "email address", "phone number": for reasons a person reads. */
    public static String noun(Medium medium) {
        return medium == Medium.EMAIL ? "email address" : medium == Medium.SMS ? "phone number"
                : medium.name() + " address";
    }

    /** The key of a contact's address for the medium: {@code email}, {@code phone}, else the medium's name in lower case ({@code push}). */
    public static String contactField(Medium medium) {
        return medium == Medium.EMAIL ? "email" : medium == Medium.SMS ? "phone"
                : medium.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** An address of a medium other than email and SMS: one line of at most 500 characters, no spaces. */
    public static boolean isOtherAddress(String value) {
        return value != null && !value.isEmpty() && value.length() <= 500 && value.chars().noneMatch(c -> c <= ' ');
    }
}
