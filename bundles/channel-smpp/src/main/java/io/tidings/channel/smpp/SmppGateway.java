package io.tidings.channel.smpp;

import java.io.IOException;
import java.time.Duration;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.channel.ChannelState;

/**
 * The session(s) of one gateway: binds (one transceiver, or a transmitter and a receiver), keeps
 * them alive with enquire_link (jsmpp sends it after the configured idle time) and reconnects with
 * doubling backoff when the SMSC drops them. One thread per gateway does the binding.
 */
final class SmppGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppGateway.class);

    private final String name;
    private final SmppSettings settings;
    private final MessageReceiverListener receiver;
    private final Object lock = new Object();
    private final Thread binder;
    private volatile boolean closed;
    private volatile SMPPSession transmitter; // the TRX session, or the TX one
    private volatile SMPPSession receiverSession; // TX_RX only
    private volatile ChannelState state;
    private boolean lost; // guarded by lock

    SmppGateway(String name, SmppSettings settings, MessageReceiverListener receiver) {
        this.name = name;
        this.settings = settings;
        this.receiver = receiver;
        this.state = ChannelState.unavailable("binding to " + settings.host() + ":" + settings.port());
        this.binder = new Thread(this::run, "tidings-" + name + "-bind");
        this.binder.setDaemon(true);
    }

    void start() {
        binder.start();
    }

    SmppSettings settings() {
        return settings;
    }

    /** The bound session that sends, or null while (re)binding. */
    SMPPSession transmitter() {
        SMPPSession s = transmitter;
        return s != null && s.getSessionState().isTransmittable() ? s : null;
    }

    ChannelState state() {
        return state;
    }

    /** A send saw the connection fail: rebind without waiting for jsmpp to notice. */
    void sessionLost() {
        synchronized (lock) {
            lost = true;
            lock.notifyAll();
        }
    }

    private void run() {
        Duration delay = settings.reconnectInitial();
        while (!closed) {
            try {
                bind();
                delay = settings.reconnectInitial();
                state = new ChannelState(true, "bound to " + settings.host() + ":" + settings.port() + " as "
                        + settings.systemId() + " (" + (settings.bindType() == SmppSettings.BindMode.TRX ? "TRX" : "TX+RX") + ")");
                awaitLoss();
            } catch (IOException | RuntimeException e) {
                String why = describe(e);
                closeSessions();
                if (closed) {
                    break;
                }
                state = ChannelState.unavailable("reconnecting in " + Math.max(1, delay.toSeconds()) + " s: " + why);
                LOG.warn("SMPP channel {}: bind to {}:{} failed, retrying in {} ms: {}", name, settings.host(),
                        settings.port(), delay.toMillis(), why);
                sleep(delay);
                delay = delay.multipliedBy(2);
                if (delay.compareTo(settings.reconnectMax()) > 0) {
                    delay = settings.reconnectMax();
                }
                continue;
            }
            if (closed) {
                break;
            }
            String why = "connection to the SMSC lost";
            closeSessions();
            state = ChannelState.unavailable("reconnecting: " + why);
            LOG.warn("SMPP channel {}: {}, rebinding", name, why);
        }
        closeSessions();
        state = ChannelState.unavailable("stopped");
    }

    private void bind() throws IOException {
        synchronized (lock) {
            lost = false;
        }
        if (settings.bindType() == SmppSettings.BindMode.TRX) {
            transmitter = open(BindType.BIND_TRX);
        } else {
            transmitter = open(BindType.BIND_TX);
            receiverSession = open(BindType.BIND_RX);
        }
    }

    private SMPPSession open(BindType type) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setEnquireLinkTimer((int) Math.min(Integer.MAX_VALUE, settings.enquireLink().toMillis()));
        session.setTransactionTimer(settings.responseTimeout().toMillis());
        session.setMessageReceiverListener(receiver);
        session.addSessionStateListener((newState, oldState, source) -> {
            // only the current sessions: a late notice from a replaced one must not drop a fresh binding
            if (newState == SessionState.CLOSED && (source == transmitter || source == receiverSession)) {
                sessionLost();
            }
        });
        try {
            session.connectAndBind(settings.host(), settings.port(), new BindParameter(type, settings.systemId(),
                    settings.password() == null ? "" : settings.password(),
                    settings.systemType() == null ? "" : settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), settings.responseTimeout().toMillis());
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private void awaitLoss() {
        synchronized (lock) {
            while (!closed && !lost && bound()) {
                try {
                    lock.wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private boolean bound() {
        SMPPSession t = transmitter;
        SMPPSession r = receiverSession;
        return t != null && t.getSessionState().isBound()
                && (settings.bindType() == SmppSettings.BindMode.TRX || r != null && r.getSessionState().isBound());
    }

    private void sleep(Duration delay) {
        synchronized (lock) {
            long until = System.nanoTime() + delay.toNanos();
            while (!closed) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private void closeSessions() {
        SMPPSession t = transmitter;
        SMPPSession r = receiverSession;
        transmitter = null;
        receiverSession = null;
        for (SMPPSession s : new SMPPSession[] {t, r}) {
            if (s != null) {
                try {
                    if (s.getSessionState().isBound()) {
                        s.unbindAndClose();
                    } else {
                        s.close();
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Closing an SMPP session of {}: {}", name, e.toString());
                }
            }
        }
    }

    static String describe(Throwable e) {
        if (e instanceof NegativeResponseException n) {
            return "bind refused with command_status 0x" + String.format("%08X", n.getCommandStatus())
                    + SubmitStatus.name(n.getCommandStatus());
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            binder.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSessions();
    }
}
