package io.tidings.api.location;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/** Stores locations: time zone, country and working hours. */
@ProviderType
public interface LocationService {

    List<Location> locations();

    Optional<Location> location(String key);

    /**
     * Validates (key, time zone, country, intervals that do not overlap) and stores it.
     *
     * @throws ValidationException naming the field
     */
    Location save(Location location);

    /** @return false when no such location */
    boolean delete(String key);
}
