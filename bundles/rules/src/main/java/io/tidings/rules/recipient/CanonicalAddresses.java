package io.tidings.rules.recipient;

import java.util.Locale;
import java.util.Optional;

import io.tidings.api.ValidationException;
import io.tidings.api.contact.ContactAddresses;

/**
 * The one place addresses are brought to the form the record keeps: phone numbers in E.164,
 * read in the event's country or else the configured default region; email addresses trimmed.
 * Recipient resolution uses it, and the engine reaches it as the {@link ContactAddresses} service
 * for opt-outs, erasure and look-ups, so both sides write a number alike. Thread-safe.
 */
public final class CanonicalAddresses implements ContactAddresses {

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166 country for numbers written without a country code when the
     *                      event names none; null or blank for none
     * @throws ValidationException naming {@code defaultRegion} when libphonenumber does not know it
     */
    public CanonicalAddresses(String defaultRegion) {
        String region = defaultRegion == null || defaultRegion.isBlank() ? null
                : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (region != null && !PhoneNumbers.knownRegion(region)) {
            throw new ValidationException("defaultRegion",
                    "must be an ISO 3166 country code such as UA, DK or FR, or empty; was '" + defaultRegion + "'");
        }
        this.defaultRegion = region;
    }

    /** The configured default region, null when none. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * A phone number of an SMS recipient.
     *
     * @param country the country of the event's location; null or blank for the default region
     */
    PhoneNumbers.Reading phone(String written, String country) {
        return PhoneNumbers.read(written, country == null || country.isBlank() ? defaultRegion : country);
    }

    @Override
    public Optional<String> canonical(String address, String country) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String trimmed = address.trim();
        if (trimmed.contains("@")) {
            return Optional.of(trimmed);
        }
        return Optional.ofNullable(phone(trimmed, country).e164());
    }
}
