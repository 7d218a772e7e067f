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

    static final String SENT = "sent";
    static final String RETRIED = "retried";
    static final String FAILED = "failed";
    static final String SUPPRESSED = "suppressed";
    static final String DELIVERED = "delivered";
    static final String BOUNCED = "bounced";

    private record Key(String outcome, String channel, String medium) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String outcome, String channel, Medium medium) {
        counts.computeIfAbsent(new Key(outcome, channel == null ? "" : channel, medium == null ? "" : medium.name()),
                k -> new LongAdder()).increment();
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
