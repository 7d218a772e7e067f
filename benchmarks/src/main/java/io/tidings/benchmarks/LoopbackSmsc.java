package io.tidings.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC on loopback (jsmpp's server side) that accepts and counts submit_sm and, when built with
 * receipts, answers each submit_sm that asks for one with a DELIVRD delivery receipt (deliver_sm) on
 * the session it came in on, from threads of its own (eight receipts outstanding at most), counting the receipts the client acknowledged.
 */
final class LoopbackSmsc implements AutoCloseable {

    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-smsc");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final AtomicLong receiptsAcknowledged = new AtomicLong();
    private final ExecutorService receiptSender;
    private final int port;
    private volatile boolean closed;
    private volatile java.util.function.Consumer<SubmitSm> onSubmit = submit -> {
    };

    LoopbackSmsc() throws IOException {
        this(false);
    }

    LoopbackSmsc(boolean receipts) throws IOException {
        // several receipts outstanding at once, as a real SMSC sends them
        receiptSender = receipts ? Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "loopback-smsc-receipts");
            t.setDaemon(true);
            return t;
        }) : null;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setPduProcessorDegree(4);
        listener.setQueueCapacity(10_000);
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(() -> {
            while (!closed) {
                try {
                    SMPPServerSession session = listener.accept();
                    threads.execute(() -> {
                        try {
                            BindRequest bind = session.waitForBind(5_000);
                            bind.accept("loopback");
                        } catch (Exception e) {
                            session.close();
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return port;
    }

    /** Called with each submit_sm as it arrives, on the SMSC's thread, before it is answered (e.g. to timestamp it). */
    void onSubmit(java.util.function.Consumer<SubmitSm> listener) {
        onSubmit = listener;
    }

    long submits() {
        return submits.get();
    }

    /** Receipts the client answered with deliver_sm_resp. */
    long receiptsAcknowledged() {
        return receiptsAcknowledged.get();
    }

    private void deliverReceipt(SMPPServerSession session, String messageId) {
        try {
            Date now = new Date();
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "");
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "380671234567",
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Tidings",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new RawDataCoding((byte) 0),
                    receipt.toString().getBytes(StandardCharsets.US_ASCII));
            receiptsAcknowledged.incrementAndGet();
        } catch (Exception e) {
            if (!closed) {
                System.err.println("loopback-smsc: the receipt of " + messageId + " failed: " + e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        threads.shutdownNow();
        if (receiptSender != null) {
            receiptSender.shutdownNow();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            onSubmit.accept(submitSm);
            submits.incrementAndGet();
            try {
                String id = Long.toString(ids.incrementAndGet());
                if (receiptSender != null && submitSm.getRegisteredDelivery() != 0) {
                    // queued now, sent after this answer has gone out in the usual case
                    receiptSender.execute(() -> deliverReceipt(source, id));
                }
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
            throw unsupported();
        }
    }
}
