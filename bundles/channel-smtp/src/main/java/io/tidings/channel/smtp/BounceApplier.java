package io.tidings.channel.smtp;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.suppression.SuppressionList;
import io.tidings.api.suppression.SuppressionScope;

/**
 * What a bounce or complaint does, however it arrived (the bounce mailbox, a provider's webhook):
 * a hard bounce moves its communication to BOUNCED with the diagnostic and suppresses the address
 * for everything; a complaint suppresses it within the configured scope; a soft bounce is counted.
 */
final class BounceApplier {

    private static final Logger LOG = LoggerFactory.getLogger(BounceApplier.class);

    private final String channel;
    private final SuppressionScope complaintScope;
    private final AtomicLong hard = new AtomicLong();
    private final AtomicLong soft = new AtomicLong();
    private final AtomicLong complaints = new AtomicLong();

    BounceApplier(String channel, SuppressionScope complaintScope) {
        this.channel = channel;
        this.complaintScope = complaintScope;
    }

    void apply(BounceReport report, DeliveryFeedback engine, SuppressionList list) {
        switch (report.kind()) {
            case HARD -> {
                hard.incrementAndGet();
                engine.bounced(channel, report.messageId(), report.communicationId(), report.diagnostic());
                suppress(list, report.recipient(), SuppressionScope.ALL, "hard bounce: " + report.diagnostic());
            }
            case COMPLAINT -> {
                complaints.incrementAndGet();
                engine.complained(channel);
                suppress(list, report.recipient(), complaintScope, "complaint: " + report.diagnostic()
                        + " feedback report");
            }
            case SOFT -> {
                soft.incrementAndGet();
                if (report.recipient() != null) {
                    try {
                        list.softBounce(report.recipient(), report.diagnostic());
                    } catch (RuntimeException e) {
                        // the reason may name the address: the kind of failure only
                        LOG.warn("SMTP channel {}: a soft bounce cannot be recorded: {}", channel,
                                e.getClass().getSimpleName());
                    }
                }
            }
        }
    }

    /** An address the list refuses (malformed in the report) costs that report its suppression only. */
    private void suppress(SuppressionList list, String address, SuppressionScope scope, String reason) {
        if (address == null) {
            return;
        }
        try {
            list.suppress(address, scope, reason.length() > 900 ? reason.substring(0, 899) + "…" : reason);
        } catch (RuntimeException e) {
            // a malformed address in someone else's report is no fault here; its text names the address
            LOG.info("SMTP channel {}: an address of a report cannot be suppressed: {}", channel,
                    e.getClass().getSimpleName());
        }
    }

    String summary() {
        return hard.get() + " hard bounce(s), " + soft.get() + " soft, " + complaints.get() + " complaint(s)";
    }
}
