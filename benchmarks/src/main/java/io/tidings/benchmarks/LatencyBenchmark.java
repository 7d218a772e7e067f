package io.tidings.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsmpp.bean.SubmitSm;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smpp.Concatenation;
import io.tidings.channel.smpp.SmppChannel;
import io.tidings.channel.smpp.SmppSettings;

/**
 * Event accepted → {@code submit_sm} at the SMSC, at a fixed offered rate: events are offered on a
 * fixed schedule (open loop, by submitting threads that each take the next slot) to the engine's
 * ingest (the call {@code POST /events} makes, durable on H2 before it returns), and each event's
 * latency runs from the return of its ingest call to the moment the loopback SMSC receives its
 * submit_sm (the SMSC finds the event by the order number in the text). The engine's real parts
 * as in {@link SmsThroughputBenchmark}, SMPP window 50. The first seconds (a tenth of the run, at
 * least one) are a warm-up and not counted.
 * Run with {@code benchmarks/run latency [events/s, default 1000] [seconds, default 30]}.
 */
public final class LatencyBenchmark {

    private static final String TEXT = "Ваше замовлення #order.number готове. Чекаємо на вас у #location.name.";
    private static final Pattern ORDER = Pattern.compile("O-(\\d+)");
    private static final int SUBMITTERS = 8;

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int events = rate * seconds;
        int warmup = Math.max(rate, events / 10);
        Machine.print();
        System.out.printf("offered: %,d events/s for %d s (%,d events, the first %,d a warm-up), one SMS each, "
                + "Tidings on H2, SMPP window 50, loopback SMSC%n", rate, seconds, events, warmup);

        long[] accepted = new long[events];
        AtomicLongArray submitted = new AtomicLongArray(events);
        AtomicLong unmatched = new AtomicLong();
        Template template = new Template("ready-sms", "Order ready", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, TEXT)), 0);
        try (LoopbackSmsc smsc = new LoopbackSmsc()) {
            smsc.onSubmit(submit -> {
                long now = System.nanoTime();
                int i = orderNumber(submit);
                if (i >= 0 && i < events) {
                    submitted.compareAndSet(i, 0, now);
                } else {
                    unmatched.incrementAndGet();
                }
            });
            SmppSettings smpp = new SmppSettings("127.0.0.1", smsc.port(), "bench", "bench", "", "Tidings", -1, -1,
                    1_000_000, 50, SmppSettings.BindMode.TRX, Duration.ofSeconds(30), Duration.ofMillis(200),
                    Duration.ofSeconds(5), "UA", Concatenation.UDH, Duration.ofSeconds(10));
            try (BenchEngine engine = new BenchEngine(template);
                    SmppChannel channel = new SmppChannel("smpp-bench", smpp, engine::feedback)) {
                long bindDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!channel.state().available()) {
                    if (System.nanoTime() > bindDeadline) {
                        throw new IllegalStateException("the SMPP channel did not bind: " + channel.state().detail());
                    }
                    Thread.sleep(10);
                }
                engine.addChannel(channel, "smpp-bench", "SMS");
                engine.start();
                Map<String, Object> contact = Map.of("name", "Олена Коваленко", "phone", "+380671234567",
                        "preferred_language", "uk", "consent", Map.of("sms", true));

                ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
                AtomicInteger next = new AtomicInteger();
                long period = 1_000_000_000L / rate;
                long start = System.nanoTime() + 50_000_000L;
                for (int t = 0; t < SUBMITTERS; t++) {
                    submitters.execute(() -> {
                        for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                            long slot = start + i * period;
                            long wait;
                            while ((wait = slot - System.nanoTime()) > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            engine.submit("latency-" + i, i, contact);
                            accepted[i] = System.nanoTime();
                        }
                    });
                }
                submitters.shutdown();
                if (!submitters.awaitTermination(seconds * 20L + 60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the events were not accepted in time");
                }
                long lastAccepted = Arrays.stream(accepted).max().orElseThrow();
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (smsc.submits() < events && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                report(rate, warmup, events, accepted, submitted, start, lastAccepted, unmatched.get());
            }
        }
    }

    private static int orderNumber(SubmitSm submit) {
        byte[] text = submit.getShortMessage();
        if (text == null) {
            return -1;
        }
        String decoded = new String(text, submit.getDataCoding() == 0x08 ? StandardCharsets.UTF_16BE
                : StandardCharsets.ISO_8859_1);
        Matcher m = ORDER.matcher(decoded);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static void report(int rate, int warmup, int events, long[] accepted, AtomicLongArray submitted,
            long start, long lastAccepted, long unmatched) {
        // the measured part: after the warm-up; the achieved rate is the measured part's accepts over its time
        long measuredStart = start + warmup * (1_000_000_000L / rate); // the first measured event's slot
        double achieved = (events - warmup) / ((lastAccepted - measuredStart) / 1e9);
        long[] latencies = new long[events - warmup];
        int n = 0;
        int missing = 0;
        for (int i = warmup; i < events; i++) {
            long at = submitted.get(i);
            if (at == 0) {
                missing++;
            } else {
                latencies[n++] = Math.max(0, at - accepted[i]);
            }
        }
        long[] measured = Arrays.copyOf(latencies, n);
        Arrays.sort(measured);
        long behind = lastAccepted - (start + (long) (events - 1) * (1_000_000_000L / rate));
        System.out.printf("offered rate: %,d events/s; achieved (accepted): %,.0f events/s; the last event accepted "
                + "%,.0f ms after its slot%n", rate, achieved, behind / 1e6);
        System.out.printf("accepted → submit_sm at the SMSC, %,d events: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
                + "max %.1f ms%n", n, percentile(measured, 0.50), percentile(measured, 0.99), percentile(measured, 0.999),
                measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1e6);
        // where the tail sits: p50/p99/max of the events accepted in each 5 s of the measured part
        StringBuilder windows = new StringBuilder("by 5 s of acceptance (p50/p99/max ms):");
        for (long from = measuredStart; from < lastAccepted; from += 5_000_000_000L) {
            List<Long> in = new ArrayList<>();
            for (int i = warmup; i < events; i++) {
                long at = submitted.get(i);
                if (at != 0 && accepted[i] >= from && accepted[i] < from + 5_000_000_000L) {
                    in.add(Math.max(0, at - accepted[i]));
                }
            }
            if (!in.isEmpty()) {
                long[] w = in.stream().mapToLong(Long::longValue).sorted().toArray();
                windows.append(String.format(" [%.0f s: %.0f/%.0f/%.0f]", (from - measuredStart) / 1e9,
                        percentile(w, 0.50), percentile(w, 0.99), w[w.length - 1] / 1e6));
            }
        }
        System.out.println(windows);
        System.out.printf("target p99 ≤ 100 ms at 1,000 events/s offered: %s%n",
                rate >= 1_000 && achieved >= rate * 0.95 && missing == 0 && percentile(measured, 0.99) <= 100 ? "met"
                        : "not met");
        if (missing > 0 || unmatched > 0) {
            System.out.printf("NOT SENT within 5 minutes: %,d events; submit_sm not matched to an event: %,d%n", missing,
                    unmatched);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
    }
}
