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

    /**
     * What the send path did since the engine started, counted by outcome ({@code sent},
     * {@code retried}, {@code failed}, {@code suppressed}, {@code delivered}), channel and medium.
     * The counts only grow (they start again from zero when the engine restarts).
     */
    default java.util.List<SendCount> sendCounts() {
        return java.util.List.of();
    }

    /**
     * @param channel the channel's name; empty when no channel was involved (suppressed, no channel)
     * @param medium  the medium's name; empty when not known (provider feedback)
     */
    record SendCount(String outcome, String channel, String medium, long count) {
    }
}
