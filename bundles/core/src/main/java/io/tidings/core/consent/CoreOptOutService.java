package io.tidings.core.consent;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.consent.OptOut;
import io.tidings.api.consent.OptOutService;
import io.tidings.core.store.ConsentRepository;

/** Opt-outs and opt-ins recorded by Tidings; the planner consults them for every recipient. */
@Component(service = OptOutService.class)
public class CoreOptOutService implements OptOutService {

    @Reference
    private ConsentRepository store;

    private final Clock clock = Clock.systemUTC();

    @Override
    public OptOut optOut(String address, Purpose purpose) {
        check(address, purpose);
        return store.saveOptOut(new OptOut(address.trim(), purpose, clock.instant()));
    }

    @Override
    public void optIn(String address, Purpose purpose) {
        check(address, purpose);
        store.saveOptIn(address.trim(), purpose, clock.instant());
    }

    @Override
    public boolean isOptedIn(String address, Purpose purpose) {
        return address != null && purpose != null && store.optedIn(address.trim(), purpose);
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
        return address != null && store.optedOut(address.trim(), purpose);
    }

    @Override
    public List<OptOut> optOuts(String address) {
        return address == null ? List.of() : store.optOuts(address.trim());
    }
}
