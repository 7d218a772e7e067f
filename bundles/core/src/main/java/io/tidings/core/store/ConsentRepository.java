package io.tidings.core.store;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;

/** Opt-outs and opt-ins recorded by Tidings; the latest choice for an address and purpose wins. */
@ProviderType
public interface ConsentRepository {

    /**
     * Records the opt-out and withdraws an opt-in of the same purpose, in one transaction; a
     * repeated one keeps its first moment. @return the opt-out as stored
     */
    OptOut saveOptOut(OptOut optOut);

    boolean optedOut(String address, Purpose purpose);

    /**
     * The purposes each of these addresses opted out of, in one read (the dispatcher checks a claimed
     * batch at once); an address that opted out of nothing is left out.
     */
    default java.util.Map<String, java.util.Set<Purpose>> optOutsOf(java.util.Collection<String> addresses) {
        java.util.Map<String, java.util.Set<Purpose>> found = new java.util.HashMap<>();
        for (String address : new java.util.LinkedHashSet<>(addresses)) {
            for (OptOut o : optOuts(address)) {
                found.computeIfAbsent(address, a -> java.util.EnumSet.noneOf(Purpose.class)).add(o.purpose());
            }
        }
        return found;
    }

    List<OptOut> optOuts(String address);

    /** Records the opt-in and withdraws an opt-out of the same purpose, in one transaction. */
    void saveOptIn(String address, Purpose purpose, Instant at);

    boolean optedIn(String address, Purpose purpose);
}
