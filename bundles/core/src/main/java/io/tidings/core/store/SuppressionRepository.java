package io.tidings.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.suppression.Suppression;

/**
 * The suppression list (see {@link io.tidings.api.suppression.SuppressionList}). The store compares
 * email addresses without regard to case; other addresses as given (callers bring phone numbers to E.164).
 */
@ProviderType
public interface SuppressionRepository {

    /** Adds or widens an entry, in one transaction (see {@code SuppressionList.suppress}). @return the entry as stored */
    Suppression save(Suppression suppression);

    Optional<Suppression> find(String address);

    /** The entries of these addresses, by the address as asked, in one read; an address not listed is left out. */
    Map<String, Suppression> suppressionsOf(Collection<String> addresses);

    /** The newest first. */
    List<Suppression> list(int limit);

    boolean remove(String address);

    /**
     * Records a soft bounce of the address and drops its ones before {@code since}, in one transaction.
     * @return its soft bounces since {@code since}, this one included
     */
    int recordSoftBounce(String address, java.time.Instant at, java.time.Instant since);
}
