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
 * session (one submit_sm outstanding each), once through Tidings (durable queue on H2 or PostgreSQL,
 * claim, render, dispatch, SMPP channel with the same window, E.164 normalisation, encoding, receipt
 * tracking), at windows 10 and 50, without and with delivery receipts. With receipts a run ends when
 * every receipt is acknowledged (bare) or recorded as DELIVERED in the store (Tidings). The events
 * are queued before the clock starts: this measures draining the queue.
 * Run with {@code benchmarks/run sms [h2|postgresql] [messages] [windows, default 10,50] [receipts: no,yes]}.
 */
public final class SmsThroughputBenchmark {

    private static final String TEXT = "Ваше замовлення #order.number готове. Чекаємо на вас у #location.name.";

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "h2";
        int messages = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        int[] windows = java.util.Arrays.stream((args.length > 2 ? args[2] : "10,50").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String receiptRuns = args.length > 3 ? args[3] : "no,yes";
        Machine.print();
        System.out.printf("%,d one-part Ukrainian SMS (UCS-2) per run to a jsmpp SMSC on loopback, Tidings on %s%n",
                messages, store);
        System.out.println("| window | receipts | bare jsmpp SMS/s | Tidings SMS/s | ratio |");
        System.out.println("|---|---|---|---|---|");
        for (String receiptRun : receiptRuns.split(",")) {
            boolean receipts = receiptRun.equals("yes");
            for (int window : windows) {
                try (LoopbackSmsc smsc = new LoopbackSmsc(receipts)) {
                    bare(smsc, 1_000, window, receipts); // warm-up
                    double bare = bare(smsc, messages, window, receipts);
                    tidings(smsc, 1_000, window, receipts, store, "warm"); // warm-up
                    double tidings = tidings(smsc, messages, window, receipts, store, "run");
                    System.out.printf("| %d | %s | %,.0f | %,.0f | %.2f |%n", window, receipts ? "yes" : "no", bare,
                            tidings, tidings / bare);
                }
            }
        }
    }

    private static String text(int i) {
        return TEXT.replace("#order.number", "O-" + i).replace("#location.name", "Сервіс на Хрещатику");
    }

    /** The bare library: {@code window} threads submitting over one bound session. */
    private static double bare(LoopbackSmsc smsc, int messages, int window, boolean receipts) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new ReceiptCounter());
        session.setTransactionTimer(10_000);
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "bench", "bench", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        ExecutorService threads = Executors.newFixedThreadPool(window);
        AtomicInteger next = new AtomicInteger();
        long before = smsc.submits();
        long receiptsBefore = smsc.receiptsAcknowledged();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < window; t++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        session.submitShortMessage(null, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                                "Tidings", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "380671234567",
                                new ESMClass(), (byte) 0, (byte) 1, null, null,
                                new RegisteredDelivery(receipts ? SMSCDeliveryReceipt.SUCCESS_FAILURE
                                        : SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                                new RawDataCoding((byte) 0x08), (byte) 0, text(i).getBytes(StandardCharsets.UTF_16BE));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            awaitCount(smsc::submits, before + messages, "submit_sm");
            if (receipts) {
                awaitCount(smsc::receiptsAcknowledged, receiptsBefore + messages, "receipts acknowledged");
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdown();
            session.unbindAndClose();
        }
    }

    /** Tidings from the queue to the SMSC: the engine's real parts wired as in Karaf. */
    private static double tidings(LoopbackSmsc smsc, int messages, int window, boolean receipts, String store,
            String run) throws Exception {
        Template template = new Template("ready-sms", "Order ready", Medium.SMS, "uk",
                Map.of("uk", new TemplateContent(null, null, TEXT)), 0);
        SmppSettings smpp = new SmppSettings("127.0.0.1", smsc.port(), "bench", "bench", "", "Tidings", -1, -1,
                1_000_000, window, SmppSettings.BindMode.TRX, Duration.ofSeconds(30), Duration.ofMillis(200),
                Duration.ofSeconds(5), "UA", Concatenation.UDH, Duration.ofSeconds(10));
        try (BenchEngine engine = new BenchEngine(template, store);
                SmppChannel channel = new SmppChannel("smpp-bench", smpp, engine::feedback)) {
            // the queue is filled first: this measures queue → SMSC
            engine.submitMany(run, messages, Map.of("name", "Олена Коваленко", "phone", "+380671234567",
                    "preferred_language", "uk", "consent", Map.of("sms", true)));
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
            awaitCount(smsc::submits, before + messages, "submit_sm");
            if (receipts) {
                awaitCount(() -> {
                    try {
                        return engine.count("DELIVERED");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, messages, "DELIVERED");
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void awaitCount(java.util.function.LongSupplier counter, long count, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (counter.getAsLong() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + counter.getAsLong() + " of " + count + " " + what);
            }
            Thread.sleep(what.equals("DELIVERED") ? 20 : 1);
        }
    }

    /** The bare client acknowledges receipts, as a client must; jsmpp answers each once this returns. */
    private static final class ReceiptCounter implements org.jsmpp.session.MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(org.jsmpp.bean.DeliverSm deliverSm) {
            // acknowledged by jsmpp
        }

        @Override
        public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
        }

        @Override
        public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm,
                org.jsmpp.session.Session source) throws org.jsmpp.extra.ProcessRequestException {
            throw new org.jsmpp.extra.ProcessRequestException("data_sm is not supported", 3);
        }
    }
}
