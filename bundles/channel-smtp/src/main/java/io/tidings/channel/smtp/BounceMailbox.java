package io.tidings.channel.smtp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.internet.MimeMessage;
import javax.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.suppression.SuppressionList;

/**
 * Polls one SMTP account's bounce mailbox. A hard bounce moves its communication to BOUNCED with
 * the diagnostic and suppresses the address for everything; a complaint suppresses it within the
 * configured scope (marketing by default); a soft bounce is counted. Each report read is deleted;
 * a message that is no report is marked read and left for a person.
 */
final class BounceMailbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BounceMailbox.class);

    private final String channel;
    private final BounceSettings settings;
    private final BounceParser parser;
    private final Supplier<DeliveryFeedback> feedback;
    private final Supplier<SuppressionList> suppressions;
    private final ScheduledExecutorService poller;
    private final BounceApplier applier;
    private volatile String lastError;

    BounceMailbox(String channel, BounceSettings settings, String returnPath, Supplier<DeliveryFeedback> feedback,
            Supplier<SuppressionList> suppressions) {
        this.channel = channel;
        this.settings = settings;
        this.parser = new BounceParser(returnPath);
        this.applier = new BounceApplier(channel, settings.complaintScope());
        this.feedback = feedback;
        this.suppressions = suppressions;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tidings-" + channel + "-bounces");
            t.setDaemon(true);
            t.setContextClassLoader(Session.class.getClassLoader());
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the mailbox has read so far, and its last error. */
    String summary() {
        return "bounce mailbox: " + applier.summary() + (lastError == null ? "" : "; last poll failed: " + lastError);
    }

    private void pollSafely() {
        try {
            poll();
            lastError = null;
        } catch (MessagingException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + SendFailures.scrub(e.getMessage());
            LOG.warn("SMTP channel {}: reading the bounce mailbox failed: {}", channel, lastError);
        }
    }

    /** One pass over the unread messages of the folder. */
    void poll() throws MessagingException {
        DeliveryFeedback engine = feedback.get();
        SuppressionList list = suppressions.get();
        if (engine == null || list == null) {
            return; // the engine is not up: the reports wait in the mailbox
        }
        Session session = Session.getInstance(settings.sessionProperties());
        Store store = session.getStore(settings.protocol());
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            boolean expunge = false;
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    expunge |= read((MimeMessage) message, engine, list);
                }
            } finally {
                folder.close(expunge);
            }
        } finally {
            store.close();
        }
    }

    /** @return whether the message was a report (and is deleted) */
    private boolean read(MimeMessage message, DeliveryFeedback engine, SuppressionList list) throws MessagingException {
        BounceReport report;
        try {
            // read whole and parsed here: no IMAP server's idea of the report's structure is needed
            report = parser.parse(new MimeMessage(message)).orElse(null);
        } catch (java.io.IOException | MessagingException e) {
            LOG.warn("SMTP channel {}: a message of the bounce mailbox cannot be read: {}", channel, e.toString());
            report = null;
        }
        if (report == null) {
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        }
        applier.apply(report, engine, list);
        message.setFlag(Flags.Flag.DELETED, true);
        return true;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
