package io.tidings.core.dispatch;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Purpose;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.LogContext;
import io.tidings.core.support.TidingsThreads;

/**
 * Hands prepared messages to their channels: a round's messages together, once marked as handed
 * over in one write; a message with files once they are fetched, on a thread of its own, so that a
 * slow file server holds up that message only.
 */
final class HandOver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandOver.class);

    private final OutboxRepository outbox;
    private final Claimer claimer;
    private final MessagePreparer preparer;
    private final OutcomeRecorder recorder;
    private final ExecutorService fetchers = Executors.newFixedThreadPool(2,
            TidingsThreads.named("tidings-attachment-fetch"));

    private final io.tidings.core.events.StatusEvents events;

    HandOver(OutboxRepository outbox, Claimer claimer, MessagePreparer preparer, OutcomeRecorder recorder,
            io.tidings.core.events.StatusEvents events) {
        this.events = events;
        this.outbox = outbox;
        this.claimer = claimer;
        this.preparer = preparer;
        this.recorder = recorder;
    }

    /** A message prepared and routed, to be handed to its channel. */
    record Ready(Communication communication, ChannelRegistry.Route route,
            io.tidings.api.template.RenderedMessage rendered, OutboundMessage message, long claimedNanos) {
    }

    /**
     * Hands the prepared messages of a round to their channels, once they are marked as handed over
     * in one write: from then on an interrupted attempt may have reached the recipient (a retry is
     * flagged as a possible duplicate), and before it none has.
     */
    void now(List<Ready> ready) {
        if (ready.isEmpty()) {
            return;
        }
        try {
            outbox.markHandedOver(ready.stream().map(r -> r.communication().id()).toList());
        } catch (RuntimeException e) {
            LOG.warn("Could not mark {} communication(s) as handed over; they are queued again: {}", ready.size(),
                    e.toString());
            requeue(ready);
            return;
        }
        marked(ready);
    }

    /** Hands over messages already marked as handed over (in the next round's claim, see {@link Claimer}). */
    void marked(List<Ready> ready) {
        for (Ready r : ready) {
            try (LogContext log = LogContext.of(r.communication(), r.route().name())) {
                recorder.send(r.communication(), r.route(), r.rendered(), r.message(), r.claimedNanos());
            } catch (RuntimeException | Error e) {
                claimer.release();
                LOG.warn("Channel {} refused communication {}: {}", r.route().name(), r.communication().id(),
                        e.toString());
                try {
                    recorder.retry(r.communication(), r.route().name(), "internal error: " + e.getClass().getSimpleName(),
                            null);
                } catch (RuntimeException again) {
                    LOG.warn("Could not record the failure of communication {}; its lease will expire: {}",
                            r.communication().id(), again.toString());
                }
            }
        }
    }

    /** Prepared messages that could not be marked as handed over: queued again, nothing sent, slots freed. */
    void requeue(List<Ready> ready) {
        for (Ready r : ready) {
            try {
                outbox.releaseLeases(List.of(r.communication().id()));
            } catch (RuntimeException again) {
                // its lease expires
            } finally {
                claimer.release();
            }
        }
    }


    /** Fetches the message's files, then hands it over; a failed fetch is retried or fails the message. */
    void afterFetching(MessagePreparer.Rendered rendered, ChannelRegistry.Route route, Purpose purpose,
            long claimedNanos) {
        Communication c = rendered.communication();
        try {
            fetchers.execute(() -> {
                try (LogContext log = LogContext.of(c, route.name())) {
                    fetchThenHandOver(rendered, route, purpose, claimedNanos);
                }
            });
        } catch (RejectedExecutionException stopping) {
            claimer.release();
            outbox.releaseLeases(List.of(c.id()));
        }
    }

    private void fetchThenHandOver(MessagePreparer.Rendered rendered, ChannelRegistry.Route route, Purpose purpose,
            long claimedNanos) {
        Communication c = rendered.communication();
        OutboundMessage message;
        try {
            message = preparer.complete(rendered, purpose);
        } catch (AttachmentResolver.AttachmentException e) {
            try {
                if (e.transientFailure()) {
                    recorder.retry(c, null, e.getMessage(), null);
                } else {
                    if (outbox.markFinal(c.id(), CommunicationStatus.FAILED, e.getMessage())) {
                        events.changed(c, CommunicationStatus.FAILED, e.getMessage(), null);
                    }
                }
            } catch (RuntimeException again) {
                LOG.warn("Could not record the failure of communication {}; its lease will expire: {}", c.id(),
                        again.toString());
            } finally {
                claimer.release();
            }
            return;
        } catch (RuntimeException | Error e) {
            claimer.release();
            LOG.warn("Preparing communication {} failed: {}", c.id(), e.toString());
            try {
                recorder.retry(c, null, "internal error: " + e.getClass().getSimpleName(), null);
            } catch (RuntimeException again) {
                // its lease expires
            }
            return;
        }
        now(List.of(new Ready(c, route, rendered.message(), message, claimedNanos)));
    }

    /** No interrupt (H2's file I/O); fetches in progress end by their own deadline. */
    @Override
    public void close() {
        fetchers.shutdown();
    }
}
