package io.tidings.api.contact;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The form in which the record keeps a contact's address: a phone number in E.164
 * ({@code +380671234567}) however the host wrote it, an email address as written (trimmed). Planning
 * stores recipients in this form, and opt-outs, erasure and look-ups by contact bring their input
 * to it before they compare, so {@code 067 123 45 67} in Kyiv and {@code +380671234567} are one
 * contact. Implemented by the rules bundle, which reads phone numbers with libphonenumber and holds
 * the configured default region ({@code io.tidings.rules}, {@code defaultRegion}).
 */
@ProviderType
public interface ContactAddresses {

    /**
     * @param address an email address (it contains {@code @}) or a phone number in any common writing
     * @param country ISO 3166 country (e.g. {@code UA}) for a number written without a country code;
     *                null or blank for the configured default region
     * @return the address as the record keeps it; empty when it is blank, or a phone number that
     *         cannot be read as a valid number (no country code and no region, too short, …)
     */
    Optional<String> canonical(String address, String country);

    /** The address as the record keeps it, a phone number read in the configured default region. */
    default Optional<String> canonical(String address) {
        return canonical(address, null);
    }
}
