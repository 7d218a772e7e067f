package io.tidings.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Erasure;

/**
 * The record of what was planned and sent: look-ups for administrators, retention and erasure.
 * Every method is one transaction.
 */
@ProviderType
public interface CommunicationRecord {

    Optional<Communication> communication(String id);

    List<Communication> communications(CommunicationQuery query);

    /** A message that left Tidings for a recipient: what frequency caps count. */
    record RecentSend(String recipient, String ruleKey, java.time.Instant sentAt) {
    }

    /**
     * What left Tidings (SENT, DELIVERED or BOUNCED) for these recipients since {@code since}, and what
     * is on its way to them (SENDING and handed over to its channel, dated by its claim), in one query:
     * what their frequency caps count. Without the messages on their way, a message claimed in the next
     * round would not see one sent a moment earlier whose SENT is not yet written.
     */
    List<RecentSend> sentTo(java.util.Collection<String> recipients, java.time.Instant since);

    /** How many communications are in each status (for the shell and the console). */
    Map<CommunicationStatus, Long> countByStatus();

    /** SENT, DELIVERED and BOUNCED messages by rule key, sent at or after {@code since}. */
    Map<String, Long> sentByRule(Instant since);

    /** Per channel: sent, bounced and complained since {@code since} (see {@code NotificationService.outcomesByChannel}). */
    default List<io.tidings.api.channel.ChannelOutcomes> outcomesByChannel(Instant since) {
        return List.of();
    }

    /**
     * Retention: removes up to {@code limit} communications created before {@code before} that are
     * done with (sent, delivered, failed, cancelled, suppressed), with their engagement, and the
     * events received before then that no communication refers to any more. Scheduled and queued
     * messages stay, however old; consent choices and link responses are records of their own and stay.
     *
     * @return how many communications, or events that no rule planned a message for, were removed,
     *         whichever is more: fewer than {@code limit} means nothing more is due
     */
    int purge(Instant before, int limit);

    /** Removes what the record holds of an address, in one transaction (see {@code NotificationService.erase}). */
    Erasure erase(String address);
}
