package io.tidings.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Map;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smpp.Concatenation;
import io.tidings.channel.smpp.SmppChannel;
import io.tidings.channel.smpp.SmppSettings;

/**
 * Bounded memory: a backlog of due SMS (default 1,000,000) written into the store before the clock
 * starts, then drained through the engine and the SMPP channel (window 50) to a jsmpp SMSC on
 * loopback, printing every 15 s how many were sent, the rate, and the heap used right after a full
 * GC. The figure must not grow with the backlog: the send path holds at most its in-flight window
 * of rows, never the backlog. The heap is the JVM's default for this process (a quarter of the
 * memory) unless JAVA_OPTS sets one, as in the Karaf distribution, whose scripts set none.
 * Run with {@code benchmarks/run drain [h2|postgresql] [rows]}.
 */
public final class DrainBenchmark {

    private static final String TEXT = "Ваше замовлення #order.number готове. Чекаємо на вас у #location.name.";

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        int rows = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
        Machine.print();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Template template = new Template("ready-sms", "Order ready", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, TEXT)), 0);
        try (LoopbackSmsc smsc = new LoopbackSmsc(false); BenchEngine engine = new BenchEngine(template, store)) {
            SmppSettings smpp = new SmppSettings("127.0.0.1", smsc.port(), "bench", "bench", "", "Tidings", -1, -1, 1_000_000, 50,
                    SmppSettings.BindMode.TRX, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(5),
                    "UA", Concatenation.UDH, Duration.ofSeconds(10));
            long fillStart = System.nanoTime();
            engine.fillDirect(rows, template.key());
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed() >> 20;
            System.out.printf("%,d due SMS written in %.0f s on %s; heap used after GC before the drain: %d MB%n", rows,
                    (System.nanoTime() - fillStart) / 1e9, store, before);
            try (SmppChannel channel = new SmppChannel("smpp-bench", smpp, engine::feedback)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!channel.state().available()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the SMPP channel did not bind: " + channel.state().detail());
                    }
                    Thread.sleep(10);
                }
                long submitsBefore = smsc.submits();
                long start = System.nanoTime();
                engine.addChannel(channel, "smpp-bench", "SMS");
                engine.start();
                System.out.println("| s | sent | SMS/s (last 15 s) | heap used after GC, MB |");
                System.out.println("|---|---|---|---|");
                long last = 0;
                long lastAt = start;
                long most = 0;
                while (smsc.submits() - submitsBefore < rows) {
                    long wait = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                    while (System.nanoTime() < wait && smsc.submits() - submitsBefore < rows) {
                        Thread.sleep(100);
                    }
                    long sent = smsc.submits() - submitsBefore;
                    long at = System.nanoTime();
                    System.gc();
                    long used = memory.getHeapMemoryUsage().getUsed() >> 20;
                    most = Math.max(most, used);
                    System.out.printf("| %.0f | %,d | %,.0f | %d |%n", (at - start) / 1e9, sent,
                            (sent - last) / ((at - lastAt) / 1e9), used);
                    last = sent;
                    lastAt = at;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("drained %,d in %.0f s: %,.0f SMS/s; heap used after GC: %d MB before, at most %d MB "
                        + "during the drain (max heap %d MB)%n", rows, seconds, rows / seconds, before, most,
                        Runtime.getRuntime().maxMemory() >> 20);
                // a message is sent again only after an interrupted attempt (a lease that ran out)
                System.out.printf("submit_sm received: %,d (%,d more than the backlog)%n", smsc.submits() - submitsBefore,
                        smsc.submits() - submitsBefore - rows);
            }
        }
    }
}
