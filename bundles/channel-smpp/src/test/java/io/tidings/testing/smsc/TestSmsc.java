package io.tidings.testing.smsc;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests on jsmpp's server side: accepts binds, records every submit_sm with the time
 * it arrived, can throttle, answer with an error, send delivery receipts (redelivered as a real SMSC
 * does) and replies from phones, and drop connections. The channel's unit tests use it, and the
 * Karaf tests run it inside the container (the itests build unpacks it into their probe).
 */
public final class TestSmsc implements AutoCloseable {

    /** A submit_sm as it arrived. */
    public record Received(String messageId, String destination, byte dataCoding, byte esmClass, byte[] shortMessage,
            OptionalParameter[] tlvs, long arrivedNanos) {

        /** The text of a single-part message: UCS-2, or GSM 03.38 limited to characters with their ASCII codes. */
        public String text() {
            if (dataCoding == 0x08) {
                return new String(shortMessage, java.nio.charset.StandardCharsets.UTF_16BE);
            }
            StringBuilder text = new StringBuilder();
            for (byte b : shortMessage) {
                text.append((char) b);
            }
            return text.toString();
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    public final AtomicInteger binds = new AtomicInteger();
    /** Answer this many next submit_sm with ESME_RTHROTTLED. */
    public final AtomicInteger throttleNext = new AtomicInteger();
    /** Non-zero: answer every submit_sm with this command_status. */
    public volatile int rejectWith;
    /** Non-null: send a receipt with this stat for every accepted part. */
    public volatile DeliveryReceiptState receipts;
    /** Send the receipt before the submit_sm_resp (the race an SMSC may win). */
    public volatile boolean receiptBeforeResponse;

    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-smsc");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong(1000);
    private final int port;
    private volatile boolean closed;

    public TestSmsc() throws IOException {
        this(freePort());
    }

    public TestSmsc(int port) throws IOException {
        this.port = port;
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Listener());
        listener.setPduProcessorDegree(4);
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
                if (receipts != null && !receiptBeforeResponse) {
                    String id = result.getMessageId();
                    run(() -> deliverReceipt(source, id));
                }
            }
        });
        run(this::acceptLoop);
    }

    public int port() {
        return port;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                run(() -> {
                    try {
                        BindRequest bind = session.waitForBind(5_000);
                        bind.accept("test-smsc");
                        sessions.add(session);
                        binds.incrementAndGet();
                    } catch (Exception e) {
                        session.close();
                    }
                });
            } catch (IOException e) {
                if (!closed) {
                    sleepQuietly();
                }
            }
        }
    }

    /** Closes every bound session without unbind, as a crashing SMSC does. */
    public void dropConnections() {
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    public void deliverReceipt(SMPPServerSession session, String messageId) {
        DeliveryReceiptState stat = receipts;
        if (stat == null) {
            return;
        }
        // A real SMSC retries a deliver_sm that got no response, on whichever session the ESME has
        // bound by then (the client may have rebound since the submit): so does this one.
        for (int attempt = 1; attempt <= 10 && !closed; attempt++) {
            SMPPServerSession target = session.getSessionState().isBound() ? session
                    : sessions.stream().filter(s -> s.getSessionState().isBound()).reduce((a, b) -> b).orElse(null);
            if (target != null && tryDeliverReceipt(target, messageId, stat)) {
                return;
            }
            try {
                Thread.sleep(Math.min(3_000L, 500L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.err.println("test-smsc: the receipt of " + messageId + " could not be delivered");
    }

    private boolean tryDeliverReceipt(SMPPServerSession session, String messageId, DeliveryReceiptState stat) {
        if (!session.getSessionState().isBound()) {
            return false;
        }
        try {
            Date now = new Date();
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, stat == DeliveryReceiptState.DELIVRD ? 1 : 0,
                    now, now, stat, stat == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "380671234567",
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Tidings",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new RawDataCoding((byte) 0),
                    receipt.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return true;
        } catch (Exception e) {
            System.err.println("test-smsc: delivering the receipt of " + messageId + " failed: " + e);
            return false;
        }
    }

    /** A reply typed on a phone (a mobile-originated deliver_sm) on the first bound session. */
    public void reply(String fromInternational, String text) throws Exception {
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bound session"));
        boolean ucs2 = !text.chars().allMatch(c -> c < 128);
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, fromInternational,
                TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Tidings",
                new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), new RawDataCoding(ucs2 ? (byte) 0x08 : (byte) 0),
                text.getBytes(ucs2 ? java.nio.charset.StandardCharsets.UTF_16BE : java.nio.charset.StandardCharsets.US_ASCII));
    }

    private final class Listener implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            if (rejectWith != 0) {
                throw new ProcessRequestException("rejected", rejectWith);
            }
            String id = Long.toString(ids.incrementAndGet());
            received.add(new Received(id, submitSm.getDestAddress(), submitSm.getDataCoding(), submitSm.getEsmClass(),
                    submitSm.getShortMessage(), submitSm.getOptionalParameters(), System.nanoTime()));
            if (receipts != null && receiptBeforeResponse) {
                deliverReceipt(source, id);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Work on the server's threads; once closed there is none to do. */
    private void run(Runnable task) {
        try {
            threads.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: a late callback has nothing left to serve
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        dropConnections();
        threads.shutdown();
    }
}
