package io.tidings.core.consent;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.consent.OptOut;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.contact.ContactAddresses;
import io.tidings.core.store.ConsentRepository;

/**
 * Opt-outs and opt-ins recorded by Tidings; the planner consults them for every recipient. Addresses
 * are kept in the form planning writes recipients in (phone numbers in E.164, a number without a
 * country code read in the configured default region), so a choice recorded for {@code 067 123 45 67}
 * applies to the messages planned for {@code +380671234567}.
 */
@Component(service = OptOutService.class)
public class CoreOptOutService implements OptOutService {

    @Reference
    private ConsentRepository store;

    @Reference
    private ContactAddresses addresses;

    private final Clock clock = Clock.systemUTC();

    public CoreOptOutService() {
    }

    /** Outside a framework (the engine tests): the store and the rule engine's form of addresses. */
    public CoreOptOutService(ConsentRepository store, ContactAddresses addresses) {
        this.store = store;
        this.addresses = addresses;
    }

    @Override
    public OptOut optOut(String address, Purpose purpose) {
        check(address, purpose);
        return store.saveOptOut(new OptOut(canonical(address), purpose, clock.instant()));
    }

    @Override
    public void optIn(String address, Purpose purpose) {
        check(address, purpose);
        store.saveOptIn(canonical(address), purpose, clock.instant());
    }

    @Override
    public boolean isOptedIn(String address, Purpose purpose) {
        return address != null && purpose != null && store.optedIn(canonical(address), purpose);
    }

    /** A number that cannot be read is kept as written: a choice is never lost for its writing. */
    private String canonical(String address) {
        String written = address.trim();
        return addresses.canonical(written).orElse(written);
    }

    private static void check(String address, Purpose purpose) {
        if (address == null || address.isBlank()) {
            throw new ValidationException("address", "is required (an email address or a phone number)");
        }
        if (address.length() > 320) {
            throw new ValidationException("address", "must be at most 320 characters");
        }
        if (purpose == null) {
            throw new ValidationException("purpose", "is required: one of " + java.util.Arrays.toString(Purpose.values()));
        }
    }

    @Override
    public boolean isOptedOut(String address, Purpose purpose) {
        return address != null && store.optedOut(canonical(address), purpose);
    }

    @Override
    public List<OptOut> optOuts(String address) {
        return address == null ? List.of() : store.optOuts(canonical(address));
    }
}
