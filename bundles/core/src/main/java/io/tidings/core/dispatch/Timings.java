package io.tidings.core.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import io.tidings.api.DispatcherStatus.Timing;

/** Histograms of durations by name and channel, with fixed buckets from 5 ms to an hour. */
public final class Timings {

    static final String SEND_LATENCY = "send_latency";
    static final String QUEUE_WAIT = "queue_wait";

    /** Upper bounds in seconds: sends take milliseconds to seconds, waits seconds to hours. */
    static final List<Double> BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
            60.0, 300.0, 900.0, 3600.0);

    private record Key(String name, String channel) {
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BOUNDS.size()];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < buckets.length; i++) {
                if (seconds <= BOUNDS.get(i)) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private final Map<Key, Histogram> histograms = new ConcurrentHashMap<>();

    void observe(String name, String channel, double seconds) {
        histograms.computeIfAbsent(new Key(name, channel == null ? "" : channel), k -> new Histogram())
                .observe(Math.max(0, seconds));
    }

    /** Every histogram, cumulative as Prometheus reads them, sorted by name and channel. */
    public List<Timing> snapshot() {
        List<Timing> timings = new ArrayList<>();
        histograms.forEach((key, h) -> {
            List<Long> cumulative = new ArrayList<>(BOUNDS.size());
            long running = 0;
            for (LongAdder bucket : h.buckets) {
                running += bucket.sum();
                cumulative.add(running);
            }
            timings.add(new Timing(key.name(), key.channel(), BOUNDS, cumulative, h.sum.sum(),
                    Math.max(running, h.count.sum())));
        });
        timings.sort(Comparator.comparing(Timing::name).thenComparing(Timing::channel));
        return timings;
    }
}
