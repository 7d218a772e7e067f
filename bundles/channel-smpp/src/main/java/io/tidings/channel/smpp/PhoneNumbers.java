package io.tidings.channel.smpp;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Validates phone numbers and writes them in E.164 with libphonenumber. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param defaultRegion ISO 3166 country code used for numbers written without {@code +} (may be empty)
     * @return the number in E.164 ({@code +380671234567}), empty when it is not a valid number
     */
    public static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion == null || defaultRegion.isBlank() ? null
                : defaultRegion.trim().toUpperCase(Locale.ROOT);
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the code names a region libphonenumber knows, for validating configuration. */
    static boolean knownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region.trim().toUpperCase(Locale.ROOT));
    }
}
