package io.tidings.api.consent;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;

/**
 * Consent choices recorded by Tidings (an opt-in or unsubscribe link, a STOP reply, an
 * administrator). They outrank the host's consent flags: an opt-out is never sent that purpose
 * again, an opt-in grants that purpose's consent. The latest choice for an address and purpose wins.
 */
@ProviderType
public interface OptOutService {

    /**
     * Records the opt-out (again: keeps the first moment).
     *
     * @throws ValidationException when the address is blank
     */
    OptOut optOut(String address, Purpose purpose);

    boolean isOptedOut(String address, Purpose purpose);

    /** The opt-outs of an address. */
    List<OptOut> optOuts(String address);

    /**
     * Records an opt-in: the address now consents to the purpose (it withdraws an earlier opt-out).
     *
     * @throws ValidationException when the address is blank
     */
    void optIn(String address, Purpose purpose);

    /** Whether the address's latest choice through Tidings for the purpose is an opt-in. */
    boolean isOptedIn(String address, Purpose purpose);
}
