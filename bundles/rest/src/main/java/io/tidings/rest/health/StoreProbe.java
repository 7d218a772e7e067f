package io.tidings.rest.health;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.NotificationService;

/**
 * Reaches the store through the engine's record counts, waiting at most a timeout, so that a hung
 * database makes the health answer DOWN instead of hanging it. One query runs at a time on one
 * thread of its own: while a hung one has not returned, later checks wait on it rather than piling
 * up connections. A reading is reused briefly, since the health endpoint needs no login.
 */
final class StoreProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);

    private final Duration timeout;
    private final Duration reuse;
    private final LongSupplier nanoTime;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tidings-health-store");
        thread.setDaemon(true);
        return thread;
    });

    private Future<StoreReading> inFlight;
    private StoreReading last;
    private Set<Medium> lastAsked;
    private long lastAt;

    StoreProbe(Duration timeout, Duration reuse) {
        this(timeout, reuse, System::nanoTime);
    }

    StoreProbe(Duration timeout, Duration reuse, LongSupplier nanoTime) {
        this.timeout = timeout;
        this.reuse = reuse;
        this.nanoTime = nanoTime;
    }

    /**
     * @param unserved media without an available channel: the reading says which of them have QUEUED messages
     */
    StoreReading read(NotificationService notifications, Set<Medium> unserved) {
        Set<Medium> asked = Set.copyOf(unserved);
        Future<StoreReading> future;
        long started = nanoTime.getAsLong();
        synchronized (this) {
            if (last != null && asked.equals(lastAsked) && started - lastAt < reuse.toNanos()) {
                return last;
            }
            // a query still running (a hung database) is awaited again, not joined by another
            if (inFlight == null || inFlight.isDone()) {
                inFlight = executor.submit(() -> query(notifications, asked));
            }
            future = inFlight;
        }
        StoreReading reading;
        try {
            reading = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading = StoreReading.failed("no answer within " + timeout.toMillis() + " ms", elapsed(started));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.debug("The store did not answer the health check", cause);
            // the class only: the message may name hosts and the endpoint needs no login
            reading = StoreReading.failed("unreachable: " + cause.getClass().getSimpleName(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading = StoreReading.failed("interrupted", elapsed(started));
        }
        synchronized (this) {
            last = reading;
            lastAsked = asked;
            lastAt = nanoTime.getAsLong();
        }
        return reading;
    }

    private StoreReading query(NotificationService notifications, Set<Medium> asked) {
        long started = nanoTime.getAsLong();
        Map<CommunicationStatus, Long> counts = notifications.countByStatus();
        Set<Medium> waiting = new java.util.TreeSet<>();
        if (!asked.isEmpty() && counts.getOrDefault(CommunicationStatus.QUEUED, 0L) > 0) {
            // only when a medium has no channel: which of the queued are its, among the newest
            for (Communication c : notifications.communications(
                    new CommunicationQuery(null, null, null, CommunicationStatus.QUEUED, CommunicationQuery.MAX_LIMIT))) {
                if (c.medium() != null && asked.contains(c.medium())) {
                    waiting.add(c.medium());
                }
            }
        }
        return StoreReading.answered(counts, waiting, elapsed(started));
    }

    private long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - started);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
