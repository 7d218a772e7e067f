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
     * When the longest-waiting due communication became due; empty when nothing is due.
     *
     * @since 1.5
     */
    default java.util.Optional<java.time.Instant> oldestDue() {
        return java.util.Optional.empty();
    }

    /**
     * How long sends took, per channel, since the engine started: {@code send_latency} from the claim
     * to the provider's answer, {@code queue_wait} from the moment a message was due to its SENT.
     *
     * @since 1.5
     */
    default java.util.List<Timing> timings() {
        return java.util.List.of();
    }

    /**
     * Events accepted (a repeated event id not counted), since the engine started.
     *
     * @since 1.5
     */
    default long eventsIngested() {
        return 0;
    }

    /**
     * Messages that could not be prepared (their rendering failed, their template or event is gone),
     * since the engine started.
     *
     * @since 1.5
     */
    default long renderFailures() {
        return 0;
    }

    /**
     * One histogram of durations.
     *
     * @param name       {@code send_latency} or {@code queue_wait}
     * @param bounds     the upper bounds of the buckets in seconds, ascending
     * @param cumulative how many durations were at most each bound (as long as {@code bounds})
     * @param sumSeconds the sum of all durations
     * @param count      how many durations, all told
     * @since 1.5
     */
    record Timing(String name, String channel, java.util.List<Double> bounds, java.util.List<Long> cumulative,
            double sumSeconds, long count) {
        public Timing {
            bounds = java.util.List.copyOf(bounds);
            cumulative = java.util.List.copyOf(cumulative);
        }
    }

    /**
     * @param channel the channel's name; empty when no channel was involved (suppressed, no channel)
     * @param medium  the medium's name; empty when not known (provider feedback)
     */
    record SendCount(String outcome, String channel, String medium, long count) {
    }
}
