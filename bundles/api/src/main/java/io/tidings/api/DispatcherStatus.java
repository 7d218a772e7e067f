package io.tidings.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether the engine's send path runs. Published by the engine beside {@link NotificationService}
 * so that health checks can tell an engine that takes events but sends nothing.
 */
@ProviderType
public interface DispatcherStatus {

    /** True while the dispatcher claims and hands over messages; false while it is stopped or restarting. */
    boolean running();
}
