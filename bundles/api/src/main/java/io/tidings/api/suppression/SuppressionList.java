package io.tidings.api.suppression;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/**
 * Addresses no message goes to: a message whose recipient is on the list is SUPPRESSED with the
 * entry's reason when it is about to be sent, as a message to an address that opted out is.
 * Addresses are compared in the form the record keeps them (an email address without regard to
 * case, a phone number however written). Erasing a contact keeps its suppression, as it keeps
 * its opt-outs: forgetting it must not make it receive mail again.
 */
@ProviderType
public interface SuppressionList {

    /**
     * Puts the address on the list. An address already on it keeps the wider scope (a complaint does
     * not narrow a hard bounce) and takes the newer reason when the scope is the same or wider.
     *
     * @return the entry as stored
     * @throws ValidationException naming {@code address}, {@code scope} or {@code reason}
     */
    Suppression suppress(String address, SuppressionScope scope, String reason);

    /** The entry of an address, in any writing of it. */
    Optional<Suppression> suppression(String address);

    /** The newest entries first, at most {@code limit}. */
    List<Suppression> suppressions(int limit);

    /** Takes the address off the list: mail flows to it again. @return false when it was not on it */
    boolean remove(String address);

    /**
     * Records a soft bounce (the recipient's server refused for now): an address with
     * {@code softBounceLimit} of them within {@code softBounceDays} ({@code etc/io.tidings.suppressions.cfg})
     * is suppressed for everything.
     *
     * @return the entry when this soft bounce put the address on the list, else empty
     */
    Optional<Suppression> softBounce(String address, String diagnostic);
}
