package io.tidings.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.run.NotificationRun;

/**
 * Notification runs and the events they hold. A run's communications are those of its events, so
 * nothing on the queue's rows has to know about runs.
 */
@ProviderType
public interface RunRepository {

    /** Stores a new run; when one has the key already, stores nothing. @return the run stored under the key */
    NotificationRun open(NotificationRun run);

    Optional<NotificationRun> run(String key);

    /** Newest first. */
    List<NotificationRun> runs(int limit);

    /**
     * Records the events of a batch as {@link OutboxRepository#ingestAll} does and adds the new ones
     * to the run, in one transaction: all or none. An event already recorded joins no run.
     */
    List<IngestOutcome> ingestInto(String runKey, List<OutboxRepository.Planned> planned);

    /** Marks the run closed at {@code at} unless it already is. @return the run, empty when no run has the key */
    Optional<NotificationRun> close(String key, Instant at);

    /**
     * Cancels the run's SCHEDULED and QUEUED communications with the reason, and marks the run
     * cancelled and closed, in one transaction. @return how many communications were cancelled
     */
    int cancel(String key, Instant at, String reason);

    /** Counts of the run's communications, reasons and engagement; empty when no run has the key. */
    Optional<io.tidings.api.run.RunReport> report(String key);

    /** The run's sends per bucket of time; empty when no run has the key. */
    default Optional<io.tidings.api.run.SendsOverTime> sendsOverTime(String key) {
        return Optional.empty();
    }
}
