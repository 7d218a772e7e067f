package io.tidings.core.dispatch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.tidings.api.DispatcherStatus.SendCount;
import io.tidings.api.Medium;

/** What the send path did, counted by outcome, channel and medium, for monitoring. */
public final class SendCounters {

    public static final String SENT = "sent";
    static final String RETRIED = "retried";
    public static final String FAILED = "failed";
    static final String SUPPRESSED = "suppressed";
    static final String DELIVERED = "delivered";
    static final String BOUNCED = "bounced";
    static final String COMPLAINED = "complained";

    private record Key(String outcome, String channel, String medium) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, io.tidings.core.support.RateMeter> sentRates = new ConcurrentHashMap<>();
    private final Timings timings = new Timings();
    private final LongAdder ingested = new LongAdder();
    private final LongAdder renderFailures = new LongAdder();

    /** Durations of sends and waits in the queue. */
    public Timings timings() {
        return timings;
    }

    /** An event was accepted (not a repeated id). */
    public void ingested() {
        ingested.increment();
    }

    public long eventsIngested() {
        return ingested.sum();
    }

    /** A message could not be prepared (rendering failed, its template or event is gone). */
    void renderFailed() {
        renderFailures.increment();
    }

    public long renderFailures() {
        return renderFailures.sum();
    }

    /** A recipient complained about a message of the channel (its address is suppressed by the channel). */
    public void complained(String channel) {
        count(COMPLAINED, channel, null);
    }

    void count(String outcome, String channel, Medium medium) {
        counts.computeIfAbsent(new Key(outcome, channel == null ? "" : channel, medium == null ? "" : medium.name()),
                k -> new LongAdder()).increment();
        if (SENT.equals(outcome) && channel != null) {
            sentRates.computeIfAbsent(channel, c -> new io.tidings.core.support.RateMeter())
                    .mark(1, System.currentTimeMillis());
        }
    }

    /** How many of the outcome ({@code sent}, {@code failed}, …) a channel had, over all media. */
    public long total(String outcome, String channel) {
        return counts.entrySet().stream().filter(e -> e.getKey().outcome().equals(outcome)
                && e.getKey().channel().equals(channel)).mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Messages a channel took per second over the last ten seconds. */
    public double sentPerSecond(String channel) {
        io.tidings.core.support.RateMeter meter = sentRates.get(channel);
        return meter == null ? 0 : meter.perSecond(System.currentTimeMillis());
    }

    /** Every count so far, sorted by outcome, channel and medium. */
    public List<SendCount> snapshot() {
        return counts.entrySet().stream()
                .map(e -> new SendCount(e.getKey().outcome(), e.getKey().channel(), e.getKey().medium(),
                        e.getValue().sum()))
                .sorted(Comparator.comparing(SendCount::outcome).thenComparing(SendCount::channel)
                        .thenComparing(SendCount::medium))
                .toList();
    }
}
