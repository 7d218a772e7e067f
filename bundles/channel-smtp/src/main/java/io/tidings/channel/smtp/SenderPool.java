package io.tidings.channel.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.MimeMessage;

import org.apache.commons.mail.EmailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * The sending threads of one channel for one set of settings: {@code poolSize} threads, each owning
 * one SMTP connection that it keeps open and reuses across messages, reconnecting when the server
 * dropped it. A new configuration gets a new pool; {@link #shutdown()} hands back the messages not started.
 *
 * <p>Every job's future is completed, whatever happens on its thread: the engine holds an in-flight
 * slot until it is. A send that throws (an {@code OutOfMemoryError} included) fails transiently and
 * its thread goes on; a thread that ends anyway is replaced, and while none can be started the pool
 * fails what it is given at once and says why ({@link #lost()}).
 */
final class SenderPool {

    private static final Logger LOG = LoggerFactory.getLogger(SenderPool.class);

    /** Hears whether the account can be reached. */
    interface Health {
        void connected();

        void connectionFailed(String reason);

        /** No sending thread is left and none could be started: {@link #revive()} later. */
        void threadsLost(String reason);
    }

    record Job(OutboundMessage message, CompletableFuture<SendResult> result) {
    }

    /**
     * Where tests reach into the real worker loop: how threads are made, and a step run on the
     * sending thread before each message is composed.
     */
    record Seams(ThreadFactory threads, Consumer<OutboundMessage> beforeSend) {
        static final Seams NONE = new Seams(Thread::new, message -> {
        });
    }

    private static final Job STOP = new Job(null, null);
    /** A connection idle longer than this is checked (NOOP) before use: servers close idle ones. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final SmtpSettings settings;
    private final Session session;
    private final MessageComposer composer;
    private final DkimStamp dkim;
    private final Health health;
    private final String channelName;
    private final Seams seams;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this
    private int running; // guarded by this
    private int started; // guarded by this
    private volatile String lost;

    SenderPool(String channelName, SmtpSettings settings, Health health) {
        this(channelName, settings, health, Seams.NONE);
    }

    SenderPool(String channelName, SmtpSettings settings, Health health, Seams seams) {
        this.settings = settings;
        this.health = health;
        this.channelName = channelName;
        this.seams = seams;
        this.session = withMailLoader(() -> Session.getInstance(settings.sessionProperties()));
        this.composer = new MessageComposer(session, settings);
        this.dkim = settings.dkim() == null ? null : new DkimStamp(settings.dkim(), session);
        synchronized (this) {
            for (int i = 1; i <= settings.poolSize(); i++) {
                if (!startWorker()) {
                    throw new IllegalStateException("cannot start the sending threads of " + channelName);
                }
            }
        }
    }

    /** @return false when no thread could be started */
    private boolean startWorker() {
        assert Thread.holdsLock(this);
        try {
            Thread thread = seams.threads().newThread(new Worker());
            thread.setName("tidings-" + channelName + "-" + (++started));
            thread.setDaemon(true);
            // Jakarta Mail and activation find their data handlers through the context class loader
            // (in OSGi: "UnsupportedDataTypeException: text/plain" without this); these threads only build and send mail.
            thread.setContextClassLoader(mailLoader());
            thread.start();
            threads.add(thread);
            running++;
            return true;
        } catch (Throwable e) {
            // typically "OutOfMemoryError: unable to create native thread"
            LOG.error("SMTP channel {}: cannot start a sending thread", channelName, e);
            return false;
        }
    }

    SmtpSettings settings() {
        return settings;
    }

    /** Why the DKIM key cannot be used, or null (also when messages are not signed). */
    String dkimBroken() {
        return dkim == null ? null : dkim.broken();
    }

    /** Why the pool has no sending thread left, or null while it has one. */
    String lost() {
        return lost;
    }

    /**
     * @return false when the pool is shut down: hand the job to its successor. A pool without a
     *         sending thread (and none to be started) takes the job and fails it at once.
     */
    synchronized boolean offer(Job job) {
        if (closed) {
            return false;
        }
        if (lost != null && !revive()) {
            job.result().complete(SendResult.transientFailure("no sending thread left: " + lost));
            return true;
        }
        queue.add(job);
        return true;
    }

    /**
     * Tries again to start a sending thread in a pool that has none left.
     *
     * @return false while the pool still has none
     */
    synchronized boolean revive() {
        if (closed || lost == null) {
            return true;
        }
        if (!startWorker()) {
            return false;
        }
        LOG.info("SMTP channel {}: a sending thread started again", channelName);
        lost = null;
        return true;
    }

    /** A worker ended: replaced while the pool is open; when none is left, nothing waits for one. */
    private void workerEnded(String cause) {
        List<Job> waiting = new ArrayList<>();
        synchronized (this) {
            running--;
            if (closed) {
                return;
            }
            if (startWorker()) {
                LOG.warn("SMTP channel {}: a sending thread ended ({}); started another", channelName, cause);
                return;
            }
            if (running > 0) {
                return;
            }
            lost = cause;
            queue.drainTo(waiting);
        }
        for (Job job : waiting) {
            job.result().complete(SendResult.transientFailure("no sending thread left: " + cause));
        }
        // outside the pool's lock: the channel schedules the revival under its own
        health.threadsLost(cause);
    }

    /**
     * Takes no more work and returns the jobs not started; each thread finishes the message it is
     * sending, closes its connection and ends.
     */
    List<Job> shutdown() {
        List<Job> pending = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return pending;
            }
            closed = true;
            queue.drainTo(pending);
            for (int i = 0; i < running; i++) {
                queue.add(STOP);
            }
        }
        return pending;
    }

    /** @return true when every thread ended in time */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> threads;
        synchronized (this) {
            threads = List.copyOf(this.threads);
        }
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !thread.isAlive();
            }
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Connects and logs in once, then disconnects: whether the account can be used now. */
    void probe() throws MessagingException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(mailLoader());
        try {
            Transport transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.close();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static ClassLoader mailLoader() {
        return Session.class.getClassLoader();
    }

    private static <T> T withMailLoader(java.util.function.Supplier<T> action) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(mailLoader());
        try {
            return action.get();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** One thread and the connection it owns. */
    private final class Worker implements Runnable {

        private Transport transport;
        private long lastUsed;
        /** Whether the open connection's server announced 8BITMIME (false while none is open). */
        private boolean eightBit;

        @Override
        public void run() {
            Job current = null;
            String ended = "interrupted";
            try {
                for (Job job = queue.take(); job != STOP; job = queue.take()) {
                    current = job;
                    // the engine's log context of a send, on this channel's thread (ids only)
                    org.slf4j.MDC.put("tidings.communication", job.message().communicationId());
                    org.slf4j.MDC.put("tidings.channel", channelName);
                    try {
                        job.result().complete(sendSafely(job.message()));
                    } finally {
                        org.slf4j.MDC.remove("tidings.communication");
                        org.slf4j.MDC.remove("tidings.channel");
                    }
                    current = null;
                }
                ended = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                // only what escaped sendSafely's own handling (an Error while reporting an Error): no text of it is safe to build
                ended = e.getClass().getName();
            } finally {
                disconnect();
                if (current != null) {
                    current.result().complete(SendResult.transientFailure("sending thread lost: " + ended));
                }
                if (ended != null) {
                    workerEnded(ended);
                } else {
                    synchronized (SenderPool.this) {
                        running--;
                    }
                }
            }
        }

        /** Whatever the send throws fails that message, not the thread. */
        private SendResult sendSafely(OutboundMessage message) {
            try {
                return send(message);
            } catch (Throwable e) {
                disconnect();
                SendResult failure = SendResult.transientFailure("unexpected " + e.getClass().getSimpleName() + ": "
                        + SendFailures.scrub(e.getMessage()));
                LOG.error("SMTP channel {}: sending {} failed: {}", channelName, message.communicationId(), failure.error(), e);
                return failure;
            }
        }

        private SendResult send(OutboundMessage message) {
            seams.beforeSend().accept(message);
            if (message.recipient() == null || message.recipient().isBlank()) {
                return SendResult.permanentFailure("recipient is missing");
            }
            MimeMessage mime;
            // 8-bit bodies as they are when this thread's open connection announced 8BITMIME
            // (a signed message keeps the encoding it was signed with)
            boolean eightBitBody = dkim == null && eightBit;
            try {
                com.sun.mail.smtp.SMTPMessage composed = composer.compose(message, eightBitBody);
                mime = dkim == null ? composed : dkim.sign(composed);
            } catch (EmailException | MessagingException | IllegalArgumentException e) {
                return SendFailures.unbuildable(e);
            } catch (DkimKeys.UnusableKeyException e) {
                return SendResult.permanentFailure("DKIM key broken: " + e.getMessage());
            } catch (java.security.GeneralSecurityException e) {
                return SendResult.permanentFailure("DKIM signing failed: " + e.getClass().getSimpleName() + " "
                        + SendFailures.scrub(e.getMessage()));
            }
            try {
                String messageId = transmit(mime, eightBitBody);
                health.connected();
                return SendResult.sent(messageId);
            } catch (MessagingException | IllegalStateException e) {
                // the connection's state is unknown after a failed exchange: the next message starts on a fresh one
                disconnect();
                SendFailures.Failure failure = SendFailures.classify(e);
                if (failure.connectionProblem()) {
                    health.connectionFailed(failure.result().error());
                }
                return failure.result();
            }
        }

        private String transmit(MimeMessage mime, boolean eightBitBody) throws MessagingException {
            boolean reused = transport != null;
            try {
                Transport open = connection();
                if (eightBitBody && !eightBit) {
                    MessageComposer.sevenBit(mime);
                }
                open.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException | IllegalStateException e) {
                if (!reused || !SendFailures.classify(e).connectionDropped()) {
                    throw e;
                }
                // the server closed a connection we kept open before the message went out: once more on a fresh one
                disconnect();
                Transport fresh = connection();
                if (eightBitBody && !eightBit) {
                    MessageComposer.sevenBit(mime);
                }
                fresh.sendMessage(mime, mime.getAllRecipients());
            }
            lastUsed = System.nanoTime();
            return mime.getMessageID();
        }

        private Transport connection() throws MessagingException {
            if (transport != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !transport.isConnected()) {
                disconnect();
            }
            if (transport == null) {
                Transport fresh = session.getTransport("smtp");
                try {
                    fresh.connect(settings.host(), settings.port(), settings.username(), settings.password());
                } catch (MessagingException e) {
                    throw new SendFailures.ConnectFailedException(e);
                }
                transport = fresh;
                eightBit = fresh instanceof com.sun.mail.smtp.SMTPTransport smtp && smtp.supportsExtension("8BITMIME");
                lastUsed = System.nanoTime();
            }
            return transport;
        }

        private void disconnect() {
            Transport current = transport;
            transport = null;
            eightBit = false;
            if (current != null) {
                try {
                    current.close();
                } catch (MessagingException | RuntimeException e) {
                    // QUIT on a broken connection fails; the socket is closed either way
                }
            }
        }
    }
}
