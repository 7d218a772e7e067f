package io.tidings.core.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.location.Location;

/** Locations (time zone, working hours) by key. */
@ProviderType
public interface LocationRepository {

    List<Location> locations();

    Optional<Location> location(String key);

    void saveLocation(Location location);

    boolean deleteLocation(String key);
}
