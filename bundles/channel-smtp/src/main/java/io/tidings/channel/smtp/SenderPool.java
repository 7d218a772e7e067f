package io.tidings.channel.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.MimeMessage;

import org.apache.commons.mail.EmailException;

import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * The sending threads of one channel for one set of settings: {@code poolSize} threads, each owning
 * one SMTP connection that it keeps open and reuses across messages, reconnecting when the server
 * dropped it. A new configuration gets a new pool; {@link #shutdown()} hands back the messages not started.
 */
final class SenderPool {

    /** Hears whether the account can be reached. */
    interface Health {
        void connected();

        void connectionFailed(String reason);
    }

    record Job(OutboundMessage message, CompletableFuture<SendResult> result) {
    }

    private static final Job STOP = new Job(null, null);
    /** A connection idle longer than this is checked (NOOP) before use: servers close idle ones. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final SmtpSettings settings;
    private final Session session;
    private final MessageComposer composer;
    private final Health health;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed; // guarded by this

    SenderPool(String channelName, SmtpSettings settings, Health health) {
        this.settings = settings;
        this.health = health;
        this.session = withMailLoader(() -> Session.getInstance(settings.sessionProperties()));
        this.composer = new MessageComposer(session, settings);
        for (int i = 1; i <= settings.poolSize(); i++) {
            Thread thread = new Thread(new Worker(), "tidings-" + channelName + "-" + i);
            thread.setDaemon(true);
            // Jakarta Mail and activation find their data handlers through the context class loader
            // (in OSGi: "UnsupportedDataTypeException: text/plain" without this); these threads only build and send mail.
            thread.setContextClassLoader(mailLoader());
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    SmtpSettings settings() {
        return settings;
    }

    /** @return false when the pool is shut down: hand the job to its successor */
    synchronized boolean offer(Job job) {
        if (closed) {
            return false;
        }
        queue.add(job);
        return true;
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
            threads.forEach(t -> queue.add(STOP));
        }
        return pending;
    }

    /** @return true when every thread ended in time */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
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

        @Override
        public void run() {
            try {
                for (Job job = queue.take(); job != STOP; job = queue.take()) {
                    SendResult result;
                    try {
                        result = send(job.message());
                    } catch (RuntimeException e) {
                        disconnect();
                        result = SendResult.transientFailure("unexpected " + e.getClass().getSimpleName() + ": "
                                + SendFailures.scrub(e.getMessage()));
                    } catch (Error e) {
                        job.result().completeExceptionally(e);
                        throw e;
                    }
                    job.result().complete(result);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                disconnect();
            }
        }

        private SendResult send(OutboundMessage message) {
            if (message.recipient() == null || message.recipient().isBlank()) {
                return SendResult.permanentFailure("recipient is missing");
            }
            MimeMessage mime;
            try {
                mime = composer.compose(message);
            } catch (EmailException | MessagingException | IllegalArgumentException e) {
                return SendFailures.unbuildable(e);
            }
            try {
                String messageId = transmit(mime);
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

        private String transmit(MimeMessage mime) throws MessagingException {
            boolean reused = transport != null;
            try {
                connection().sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException | IllegalStateException e) {
                if (!reused || !SendFailures.classify(e).connectionDropped()) {
                    throw e;
                }
                // the server closed a connection we kept open before the message went out: once more on a fresh one
                disconnect();
                connection().sendMessage(mime, mime.getAllRecipients());
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
                lastUsed = System.nanoTime();
            }
            return transport;
        }

        private void disconnect() {
            Transport current = transport;
            transport = null;
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
