package io.tidings.core.consent;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.ValidationException;
import io.tidings.api.contact.ContactAddresses;
import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionList;
import io.tidings.api.suppression.SuppressionScope;
import io.tidings.core.store.SuppressionRepository;

/**
 * The suppression list. Addresses are kept in the form planning writes recipients in (phone
 * numbers in E.164, a number without a country code read in the configured default region) and
 * email addresses in lower case, so an entry for {@code Ann@Example.COM} stops the messages
 * planned for {@code ann@example.com}.
 */
@Component(service = SuppressionList.class, configurationPid = CoreSuppressionList.PID,
        configurationPolicy = org.osgi.service.component.annotations.ConfigurationPolicy.OPTIONAL)
@org.osgi.service.metatype.annotations.Designate(ocd = SuppressionConfiguration.class)
public class CoreSuppressionList implements SuppressionList {

    public static final String PID = "io.tidings.suppressions";

    /** As long as the record's addresses and the reasons a status can hold. */
    static final int MAX_ADDRESS = 320;
    static final int MAX_REASON = 1000;

    @Reference
    private SuppressionRepository store;

    @Reference
    private ContactAddresses addresses;

    private final Clock clock = Clock.systemUTC();
    private volatile int softBounceLimit = 3;
    private volatile int softBounceDays = 7;

    public CoreSuppressionList() {
    }

    /** Outside a framework (the engine tests): the store and the rule engine's form of addresses. */
    public CoreSuppressionList(SuppressionRepository store, ContactAddresses addresses) {
        this.store = store;
        this.addresses = addresses;
    }

    @org.osgi.service.component.annotations.Activate
    @org.osgi.service.component.annotations.Modified
    void configure(SuppressionConfiguration config) {
        softBounces(config.softBounceLimit(), config.softBounceDays());
    }

    /** How many soft bounces within how many days suppress an address. */
    public void softBounces(int limit, int days) {
        this.softBounceLimit = Math.max(1, limit);
        this.softBounceDays = Math.max(1, days);
    }

    @Override
    public Optional<Suppression> softBounce(String address, String diagnostic) {
        if (address == null || address.isBlank() || address.strip().length() > MAX_ADDRESS) {
            return Optional.empty();
        }
        String canonical = canonical(address);
        java.time.Instant now = clock.instant();
        int limit = softBounceLimit;
        int days = softBounceDays;
        int count = store.recordSoftBounce(canonical, now, now.minus(java.time.Duration.ofDays(days)));
        if (count < limit) {
            return Optional.empty();
        }
        String reason = count + " soft bounces in " + days + " days, the last: " + (diagnostic == null ? "" : diagnostic);
        return Optional.of(store.save(new Suppression(canonical, SuppressionScope.ALL,
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason, now)));
    }

    @Override
    public Suppression suppress(String address, SuppressionScope scope, String reason) {
        if (address == null || address.isBlank()) {
            throw new ValidationException("address", "is required (an email address or a phone number)");
        }
        if (address.strip().length() > MAX_ADDRESS) {
            throw new ValidationException("address", "must be at most " + MAX_ADDRESS + " characters");
        }
        if (scope == null) {
            throw new ValidationException("scope", "is required: one of " + java.util.Arrays.toString(
                    SuppressionScope.values()));
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "is required: why no message may go to the address");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new ValidationException("reason", "must be at most " + MAX_REASON + " characters");
        }
        return store.save(new Suppression(canonical(address), scope, reason.strip(), clock.instant()));
    }

    @Override
    public Optional<Suppression> suppression(String address) {
        return address == null || address.isBlank() ? Optional.empty() : store.find(canonical(address));
    }

    @Override
    public List<Suppression> suppressions(int limit) {
        return store.list(Math.max(1, limit));
    }

    @Override
    public boolean remove(String address) {
        return address != null && !address.isBlank() && store.remove(canonical(address));
    }

    /** A number that cannot be read is kept as written: an entry is never lost for its writing. */
    private String canonical(String address) {
        String written = address.strip();
        String canonical = addresses.canonical(written).orElse(written);
        return canonical.contains("@") ? canonical.toLowerCase(Locale.ROOT) : canonical;
    }
}
