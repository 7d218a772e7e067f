package io.tidings.rules.recipient;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Reads phone numbers as host platforms write them ({@code 0671234567}, {@code +380 67 123 45 67},
 * {@code (067) 123-45-67}) with libphonenumber and writes them in E.164, or says what is wrong
 * without repeating the (personal) number.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * A number read: {@code e164} when valid, else {@code problem}, a short phrase for a reason
     * ({@code "too short"}).
     */
    record Reading(String e164, String problem) {

        boolean valid() {
            return e164 != null;
        }
    }

    private PhoneNumbers() {
    }

    /**
     * @param region ISO 3166 country for a number written without a country code; null when none is known
     */
    static Reading read(String written, String region) {
        String raw = written == null ? "" : written.trim();
        // only the characters numbers are written with: libphonenumber would otherwise pick a number
        // out of any text ("call 067… or 050…"), and a message must not go to a guess
        if (!Addresses.isPhone(raw) || raw.contains("@")) {
            return new Reading(null, "not written as a phone number");
        }
        String country = region == null || region.isBlank() ? null : region.trim().toUpperCase(Locale.ROOT);
        PhoneNumber number;
        try {
            number = UTIL.parse(raw, country);
        } catch (NumberParseException e) {
            return new Reading(null, switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> raw.startsWith("+") ? "unknown country code"
                        : country == null
                                ? "no country code, and no country to read it in (data.location.country, defaultRegion)"
                                : "no country code, and " + country + " is not a country code libphonenumber knows";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
                case TOO_LONG -> "too long";
                default -> "not a phone number";
            });
        }
        if (!UTIL.isValidNumber(number)) {
            return new Reading(null, "not a valid number for country code +" + number.getCountryCode());
        }
        return new Reading(UTIL.format(number, PhoneNumberFormat.E164), null);
    }

    /** Whether libphonenumber knows the region, for validating configuration. */
    static boolean knownRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
    }
}
