package io.tidings.core.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tidings.api.BusinessEvent;
import io.tidings.api.IngestResult;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.run.NotificationRun;
import io.tidings.api.run.RunReport;
import io.tidings.api.run.RunService;
import io.tidings.api.run.RunStateException;
import io.tidings.core.ingest.Ingest;
import io.tidings.core.store.RunRepository;

/**
 * Notification runs on top of ingest: a run's batches are planned and stored like any batch, all or
 * none, and recorded as the run's in the same transaction; its send moment holds its messages back.
 */
public final class Runs implements RunService {

    /** Keys appear in URLs and CSV file names: letters, digits and {@code . _ -}. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final RunRepository repository;
    private final Ingest ingest;
    private final Runnable wake;
    private final Clock clock;

    public Runs(RunRepository repository, Ingest ingest, Runnable wake, Clock clock) {
        this.repository = repository;
        this.ingest = ingest;
        this.wake = wake;
        this.clock = clock;
    }

    @Override
    public NotificationRun open(String key, String name, Purpose purpose, Instant sendAt, String actor) {
        requireKey(key);
        if (name != null && name.length() > 500) {
            throw new ValidationException("name", "holds " + name.length() + " characters; at most 500");
        }
        NotificationRun stored = repository.open(new NotificationRun(key, name == null || name.isBlank() ? key
                : name.trim(), purpose, sendAt, clock.instant(), actor, null, null));
        if (!stored.open()) {
            throw new RunStateException("run '" + key + "' is " + (stored.cancelledAt() != null ? "cancelled" : "closed")
                    + "; open a run under a new key");
        }
        return stored;
    }

    @Override
    public List<IngestResult> submit(String key, String name, List<BusinessEvent> events, String actor) {
        NotificationRun run = open(key, name, null, null, actor);
        List<IngestResult> results = ingest.submitAll(events, run.sendAt(), planned -> repository.ingestInto(key, planned));
        if (results.stream().anyMatch(r -> !r.duplicate())) {
            wake.run();
        }
        return results;
    }

    @Override
    public NotificationRun close(String key) {
        return repository.close(requireKey(key), clock.instant()).orElseThrow(() -> unknown(key));
    }

    @Override
    public int cancel(String key, String actor) {
        requireKey(key);
        repository.run(key).orElseThrow(() -> unknown(key));
        return repository.cancel(key, clock.instant(), "run '" + key + "' cancelled" + (actor == null ? "" : " by " + actor));
    }

    @Override
    public List<NotificationRun> runs(int limit) {
        return repository.runs(limit);
    }

    @Override
    public Optional<NotificationRun> run(String key) {
        return repository.run(key);
    }

    @Override
    public Optional<io.tidings.api.run.SendsOverTime> sendsOverTime(String key) {
        return repository.sendsOverTime(key);
    }

    @Override
    public Optional<RunReport> report(String key) {
        return repository.report(key);
    }

    private static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("key", "must be 1 to 200 letters, digits, '.', '_' or '-' starting with a "
                    + "letter or digit, was " + (key == null ? "nothing" : "'" + key + "'"));
        }
        return key;
    }

    private static RunStateException unknown(String key) {
        return new RunStateException("no run '" + key + "'");
    }
}
