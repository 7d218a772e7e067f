package io.tidings.channel.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * SMS over one SMPP 3.4 gateway. Plain Java: the OSGi component ({@link SmppChannelComponent})
 * registers it, a benchmark or a test can use it as it is.
 *
 * <p>Sends are asynchronous: {@code window} sending threads each have at most one submit_sm
 * outstanding, and a sliding one-second limiter lets at most {@code maxTps} submit_sm through (every
 * part of a long message counts), each counted from the SMSC's answer ({@link TpsLimiter}).
 */
public final class SmppChannel implements Channel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppChannel.class);
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, false, true);
    /** Wait the engine is asked for when the SMSC throttles the first part. */
    static final Duration THROTTLE_RETRY = Duration.ofSeconds(1);
    /** Later parts of a long message are retried here, so the parts already accepted are not sent twice. */
    private static final int PART_THROTTLE_RETRIES = 5;

    private final Object lifecycle = new Object();
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService timer;
    private final TpsLimiter limiter;
    private final ReceiptTracker receipts;
    private final Set<CompletableFuture<SendResult>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reference = new AtomicInteger((int) (System.nanoTime() & 0xFFFF));
    private volatile String name;
    private volatile SmppSettings settings;
    private volatile SmppGateway gateway;
    private volatile boolean closed;
    private volatile StopReplies stopReplies;

    public SmppChannel(String name, SmppSettings settings, Supplier<DeliveryFeedback> feedback) {
        this.name = name;
        this.settings = settings;
        this.limiter = new TpsLimiter(settings.maxTps());
        ScheduledThreadPoolExecutor receiptThread = new ScheduledThreadPoolExecutor(1,
                r -> daemon(r, "tidings-" + name + "-receipts"));
        // reports still waiting for the engine are dropped with the channel
        receiptThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = receiptThread;
        this.receipts = new ReceiptTracker(() -> this.name, feedback, timer);
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(settings.window(), settings.window(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "tidings-" + name + "-submit-" + threads.incrementAndGet()));
        this.gateway = new SmppGateway(name, settings, new Receiver());
        this.gateway.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    /**
     * Applies a new configuration: a new TPS limit or window at once, new session parameters
     * (host, account, password, bind type, timers) by binding a new session; the old one is closed
     * once the submits it carries are answered.
     */
    public void reconfigure(SmppSettings next) {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            SmppSettings previous = settings;
            settings = next;
            limiter.rate(next.maxTps());
            if (next.window() > senders.getMaximumPoolSize()) {
                senders.setMaximumPoolSize(next.window());
                senders.setCorePoolSize(next.window());
            } else {
                senders.setCorePoolSize(next.window());
                senders.setMaximumPoolSize(next.window());
            }
            if (!next.sameSession(previous)) {
                SmppGateway old = gateway;
                SmppGateway fresh = new SmppGateway(name, next, new Receiver());
                fresh.start();
                gateway = fresh;
                // submits in progress on the old session get their answers first
                timer.schedule(old::close, next.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ChannelState state() {
        if (closed) {
            return ChannelState.unavailable("stopped");
        }
        ChannelState session = gateway.state();
        return new ChannelState(session.available(), session.detail() + "; at most " + limiter.rate() + " submit_sm/s, window "
                + senders.getMaximumPoolSize());
    }

    /** Messages sent and still waiting for every part's receipt. */
    public int awaitingReceipts() {
        return receipts.tracked();
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        if (message.medium() != Medium.SMS) {
            result.complete(SendResult.permanentFailure("medium " + message.medium() + " is not served by " + name));
            return result;
        }
        pending.add(result);
        result.whenComplete((r, e) -> pending.remove(result));
        try {
            // the number and the encoding are worked out on the sending thread, not the engine's
            senders.execute(() -> {
                // the engine's log context of a send, on this channel's thread (ids only)
                org.slf4j.MDC.put("tidings.communication", message.communicationId());
                org.slf4j.MDC.put("tidings.channel", name);
                try {
                    prepareAndSubmit(message, result);
                } finally {
                    org.slf4j.MDC.remove("tidings.communication");
                    org.slf4j.MDC.remove("tidings.channel");
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(SendResult.transientFailure("channel " + name + " is stopped"));
        }
        return result;
    }

    private void prepareAndSubmit(OutboundMessage message, CompletableFuture<SendResult> result) {
        SmppSettings current = settings;
        // the location's country first (a Danish shop's "20 12 34 56"), else the gateway's default
        String region = message.country() != null && PhoneNumbers.knownRegion(message.country()) ? message.country()
                : current.defaultRegion();
        String destination = PhoneNumbers.e164(message.recipient(), region).orElse(null);
        if (destination == null) {
            result.complete(SendResult.permanentFailure("invalid phone number"));
            return;
        }
        String text = message.text() == null ? "" : message.text();
        int parts = SmsEncoder.partCount(text);
        if (parts > current.maxParts()) {
            // every part is billed, message_payload or not: refused before anything reaches the SMSC
            result.complete(SendResult.permanentFailure("text too long: " + text.length() + " characters make " + parts
                    + " SMS parts (" + (GsmAlphabet.septets(text) >= 0 ? "GSM 7-bit" : "UCS-2") + "), more than maxParts "
                    + current.maxParts()));
            return;
        }
        SmsEncoder.Encoded encoded;
        try {
            encoded = SmsEncoder.encode(text, current.concatenation(), reference.incrementAndGet());
        } catch (RuntimeException e) {
            result.complete(SendResult.permanentFailure("cannot encode the text: " + e.getMessage()));
            return;
        }
        submit(destination.substring(1), encoded, result);
    }

    private void submit(String destination, SmsEncoder.Encoded encoded, CompletableFuture<SendResult> result) {
        if (result.isDone()) {
            return;
        }
        SmppGateway g = gateway;
        SMPPSession session = g.transmitter();
        if (session == null || closed) {
            // nothing reached the SMSC: an ordinary retry, not an unknown outcome
            result.complete(SendResult.transientFailure("not bound: " + state().detail()));
            return;
        }
        SmppSettings s = g.settings();
        List<SubmitSm> submissions = SubmitSm.of(encoded);
        List<String> ids = new ArrayList<>(submissions.size());
        try {
            for (int i = 0; i < submissions.size(); i++) {
                SubmitSm part = submissions.get(i);
                int throttled = 0;
                while (true) {
                    TpsLimiter.Permit permit = limiter.acquire();
                    if (closed || result.isDone()) {
                        limiter.answered(permit);
                        // stopped while waiting for a permit: whatever was answered for it stands
                        result.complete(ids.isEmpty() ? SendResult.transientFailure("channel " + name + " stopped before sending")
                                : SendResult.transientFailure("outcome unknown: channel " + name + " stopped while sending"));
                        return;
                    }
                    try {
                        ids.add(submitCounted(permit, session, s, destination, encoded.dataCoding(), part));
                        break;
                    } catch (NegativeResponseException e) {
                        int status = e.getCommandStatus();
                        if (SubmitStatus.throttled(status) && ids.isEmpty()) {
                            result.complete(SendResult.transientFailure("SMSC busy: " + SubmitStatus.describe(status),
                                    THROTTLE_RETRY));
                            return;
                        }
                        if (SubmitStatus.throttled(status) && throttled < PART_THROTTLE_RETRIES) {
                            throttled++;
                            Thread.sleep(THROTTLE_RETRY.toMillis() * throttled);
                            continue;
                        }
                        String where = submissions.size() > 1 ? " (part " + (i + 1) + " of " + submissions.size() + ")" : "";
                        if (!ids.isEmpty()) {
                            result.complete(SendResult.transientFailure("outcome unknown: " + ids.size()
                                    + " part(s) accepted, then " + SubmitStatus.describe(status) + where));
                        } else if (SubmitStatus.transientFailure(status)) {
                            result.complete(SendResult.transientFailure("SMSC error: " + SubmitStatus.describe(status)));
                        } else {
                            result.complete(SendResult.permanentFailure("SMSC rejected the message: "
                                    + SubmitStatus.describe(status) + where));
                        }
                        return;
                    }
                }
            }
        } catch (ResponseTimeoutException e) {
            result.complete(SendResult.transientFailure("outcome unknown: no submit_sm_resp within "
                    + s.responseTimeout().toMillis() + " ms"));
            return;
        } catch (IOException e) {
            g.sessionLost();
            result.complete(SendResult.transientFailure("outcome unknown: connection lost (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
            return;
        } catch (PDUException e) {
            result.complete(SendResult.permanentFailure("cannot build submit_sm: " + e.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(ids.isEmpty() ? SendResult.transientFailure("channel " + name + " stopped before sending")
                    : SendResult.transientFailure("outcome unknown: channel " + name + " stopped while sending"));
            return;
        } catch (Exception e) {
            // InvalidResponseException and the unexpected: the SMSC may have taken the message
            result.complete(SendResult.transientFailure("outcome unknown: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            return;
        }
        // The engine hears of the send before any receipt of it is reported: a receipt that comes in
        // meanwhile waits in the tracker until the parts are registered.
        result.complete(SendResult.sent(ids.get(0)));
        receipts.register(ids);
    }

    /** One submit_sm, counted by the rate limit from the SMSC's answer (or the failure). */
    private String submitCounted(TpsLimiter.Permit permit, SMPPSession session, SmppSettings s, String destination,
            byte dataCoding, SubmitSm part) throws Exception {
        try {
            return part.submit(session, s, destination, dataCoding);
        } finally {
            limiter.answered(permit);
        }
    }

    /** Replies from phones: published to the webhooks, and a stop keyword opts out of marketing; unset, replies are ignored. */
    void stopReplies(StopReplies replies) {
        this.stopReplies = replies;
    }

    /** The channel's own thread, for work that must not run on jsmpp's (database writes). */
    java.util.concurrent.Executor background() {
        return timer;
    }

    /** Delivery receipts from the SMSC, and replies from phones (see {@link StopReplies}). */
    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                StopReplies replies = stopReplies;
                if (replies != null) {
                    replies.handle(deliverSm, name, settings.defaultRegion());
                }
                return;
            }
            String id = null;
            OptionalParameter receipted = OptionalParameters.get(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(),
                    deliverSm.getOptionalParameters());
            if (receipted instanceof OptionalParameter.OctetString octets) {
                id = octets.getValueAsString().replace("\0", "").trim();
            }
            DeliveryReceiptState stat;
            String err;
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                if (id == null || id.isBlank()) {
                    id = receipt.getId();
                }
                stat = receipt.getFinalStatus();
                err = receipt.getError();
            } catch (InvalidDeliveryReceiptException e) {
                LOG.debug("Channel {}: unreadable delivery receipt ignored: {}", name, e.getMessage());
                return;
            }
            if (id == null || stat == null) {
                return;
            }
            switch (stat) {
                case DELIVRD -> receipts.receipt(id, true, null);
                case ENROUTE, ACCEPTD -> {
                    // not final
                }
                default -> receipts.receipt(id, false, "SMSC receipt: stat " + stat + " err " + err);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // nothing waits for a subscriber to become reachable
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", org.jsmpp.SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    @Override
    public void close() {
        SmppGateway g;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            g = gateway;
        }
        // Never interrupt: the engine records outcomes on the thread that completes a future, and an
        // interrupt during H2's file I/O closes the whole database.
        senders.shutdown();
        try {
            // submits in flight get their answers; queued ones see the closed flag and were never sent
            senders.awaitTermination(Math.min(5_000, settings.responseTimeout().toMillis() + 500), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (CompletableFuture<SendResult> f : List.copyOf(pending)) {
            f.complete(SendResult.transientFailure("outcome unknown: channel " + name + " stopped while sending"));
        }
        g.close();
        timer.shutdown();
    }
}
