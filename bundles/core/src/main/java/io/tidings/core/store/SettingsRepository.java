package io.tidings.core.store;

import org.osgi.annotation.versioning.ProviderType;

/** Settings shared by the nodes of a cluster. */
@ProviderType
public interface SettingsRepository {

    /** The setting, stored from {@code initial} the first time it is asked for (by any node). */
    String setting(String name, java.util.function.Supplier<String> initial);
}
