package io.tidings.channel.httpsms;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Validates phone numbers and writes them in E.164 with libphonenumber, as the SMPP channel does. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param region ISO 3166 country for a number written without {@code +} (the message's country); may be null
     * @return the number in E.164 ({@code +380671234567}), empty when it is not a valid number
     */
    static Optional<String> e164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String country = region == null || region.isBlank() ? null : region.trim().toUpperCase(Locale.ROOT);
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), country);
            return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
