package io.tidings.api.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.BusinessEvent;
import io.tidings.api.IngestResult;
import io.tidings.api.Purpose;

/** Notification runs: open, fill with batches of events, close, cancel, report. */
@ProviderType
public interface RunService {

    /**
     * Opens a run. Opening an open run again with the same key answers it unchanged.
     *
     * @param actor the user or key that opens it
     * @throws io.tidings.api.ValidationException naming {@code key}, {@code name} or {@code sendAt}
     * @throws RunStateException when a closed or cancelled run has the key
     */
    NotificationRun open(String key, String name, Purpose purpose, Instant sendAt, String actor);

    /**
     * Accepts a batch of events into a run, all or none, as
     * {@link io.tidings.api.NotificationService#submitAll} does; opens the run first when no run has
     * the key. The run's {@code sendAt} holds its messages back.
     *
     * @param name  the run's name when this batch opens it; null for the key
     * @throws RunStateException when the run is closed or cancelled
     */
    List<IngestResult> submit(String key, String name, List<BusinessEvent> events, String actor);

    /** Stops the run taking events. @throws RunStateException when no run has the key */
    NotificationRun close(String key);

    /**
     * Cancels what of the run is not yet sent (SCHEDULED and QUEUED become CANCELLED) and closes it.
     *
     * @return how many communications were cancelled
     * @throws RunStateException when no run has the key
     */
    int cancel(String key, String actor);

    /** The runs, newest first. */
    List<NotificationRun> runs(int limit);

    Optional<NotificationRun> run(String key);

    Optional<RunReport> report(String key);

    /** The run's sends per bucket of time (per hour where its span allows); empty when no run has the key. */
    default Optional<SendsOverTime> sendsOverTime(String key) {
        return Optional.empty();
    }
}
