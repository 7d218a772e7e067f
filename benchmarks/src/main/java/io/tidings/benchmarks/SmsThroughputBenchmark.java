package io.tidings.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smpp.Concatenation;
import io.tidings.channel.smpp.SmppChannel;
import io.tidings.channel.smpp.SmppSettings;

/**
 * SMS per second from the queue to an SMSC on loopback, Tidings against the bare library: the same
 * Ukrainian one-part SMS (UCS-2), once by a jsmpp loop with {@code window} threads sharing one
 * session (one submit_sm outstanding each), once through Tidings (durable queue on H2, claim,
 * render, dispatch, SMPP channel with the same window, E.164 normalisation, encoding, receipt
 * tracking). The events are accepted before the clock starts: this measures draining the queue.
 * Run with {@code benchmarks/run sms [messages] [window]}.
 */
public final class SmsThroughputBenchmark {

    private static final String TEXT = "Ваше замовлення #order.number готове. Чекаємо на вас у #location.name.";

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf("%,d one-part Ukrainian SMS (UCS-2) to a jsmpp SMSC on loopback, window %d; %d cores, Java %s%n",
                messages, window, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (LoopbackSmsc smsc = new LoopbackSmsc()) {
            bare(smsc, 2_000, window); // warm-up
            double bare = bare(smsc, messages, window);
            tidings(smsc, 2_000, window, "warm"); // warm-up
            double tidings = tidings(smsc, messages, window, "run");
            System.out.printf("bare jsmpp loop, one session, window %d: %,.0f SMS/s%n", window, bare);
            System.out.printf("Tidings (queue → claim → render → SMPP channel, window %d): %,.0f SMS/s%n", window, tidings);
            System.out.printf("ratio Tidings / bare: %.2f%n", tidings / bare);
        }
    }

    private static String text(int i) {
        return TEXT.replace("#order.number", "O-" + i).replace("#location.name", "Сервіс на Хрещатику");
    }

    /** The bare library: {@code window} threads submitting over one bound session. */
    private static double bare(LoopbackSmsc smsc, int messages, int window) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "bench", "bench", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        ExecutorService threads = Executors.newFixedThreadPool(window);
        AtomicInteger next = new AtomicInteger();
        long before = smsc.submits();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < window; t++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        session.submitShortMessage(null, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                                "Tidings", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "380671234567",
                                new ESMClass(), (byte) 0, (byte) 1, null, null,
                                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                                new RawDataCoding((byte) 0x08), (byte) 0, text(i).getBytes(StandardCharsets.UTF_16BE));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdown();
            session.unbindAndClose();
        }
        awaitCount(smsc, before + messages);
        return messages / ((System.nanoTime() - start) / 1e9);
    }

    /** Tidings from the queue to the SMSC: the engine's real parts wired as in Karaf. */
    private static double tidings(LoopbackSmsc smsc, int messages, int window, String run) throws Exception {
        Template template = new Template("ready-sms", "Order ready", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, TEXT)), 0);
        SmppSettings smpp = new SmppSettings("127.0.0.1", smsc.port(), "bench", "bench", "", "Tidings", -1, -1,
                1_000_000, window, SmppSettings.BindMode.TRX, Duration.ofSeconds(30), Duration.ofMillis(200),
                Duration.ofSeconds(5), "UA", Concatenation.UDH, Duration.ofSeconds(10));
        try (BenchEngine engine = new BenchEngine(template);
                SmppChannel channel = new SmppChannel("smpp-bench", smpp, () -> null)) {
            // the queue is filled first: this measures queue → SMSC
            for (int i = 0; i < messages; i++) {
                engine.submit(run + "-" + i, i, Map.of("name", "Олена Коваленко", "phone", "+380671234567",
                        "preferred_language", "uk", "consent", Map.of("sms", true)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!channel.state().available()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the SMPP channel did not bind: " + channel.state().detail());
                }
                Thread.sleep(10);
            }
            long before = smsc.submits();
            long start = System.nanoTime();
            engine.addChannel(channel, "smpp-bench", "SMS");
            engine.start();
            awaitCount(smsc, before + messages);
            return messages / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitCount(LoopbackSmsc smsc, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (smsc.submits() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + smsc.submits() + " of " + count + " submit_sm arrived");
            }
            Thread.sleep(1);
        }
    }
}
