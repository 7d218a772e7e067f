package io.tidings.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;

/**
 * The durable queue (transactional outbox): events with their planned communications, claims with
 * leases, and each attempt's outcome. Every method is one transaction; a method that returns has
 * made its change durable (committed and on disk).
 *
 * <p>Claimable rows: a communication is due when its status is SCHEDULED or QUEUED with a due
 * moment at or before now. A QUEUED row waiting for a channel has no due moment until
 * {@link #wakeWaiting} gives it one.
 */
@ProviderType
public interface OutboxRepository {

    /**
     * Records the event and its planned communications atomically. When the event id is already
     * recorded, stores nothing and returns the ids created the first time.
     */
    default IngestOutcome ingest(BusinessEvent event, List<Communication> communications) {
        return ingest(event, communications, Map.of(), List.of());
    }

    /**
     * Records the event and its planned communications, marks the new reminders among them and
     * applies the changes the event makes to pending reminders, all in one transaction. A moved
     * reminder points at this event, so it renders the newer data. When the event id is already
     * recorded, changes nothing and returns the ids created the first time.
     *
     * @param reminders the reminder key and deadline of each new reminder, by communication id
     */
    IngestOutcome ingest(BusinessEvent event, List<Communication> communications, Map<String, ReminderMark> reminders,
            List<ReminderChange> changes);

    /** An event with what planning made of it, for {@link #ingestAll}. */
    record Planned(BusinessEvent event, List<Communication> communications, Map<String, ReminderMark> reminders,
            List<ReminderChange> changes, DigestPlan digests) {

        public Planned {
            digests = digests == null ? DigestPlan.NONE : digests;
        }

        /** An event that touches no digest. */
        public Planned(BusinessEvent event, List<Communication> communications, Map<String, ReminderMark> reminders,
                List<ReminderChange> changes) {
            this(event, communications, reminders, changes, DigestPlan.NONE);
        }
    }

    /**
     * Records many events as {@link #ingest} does each, all in one transaction: all or none. An id
     * already recorded (or twice in the list) stores nothing and answers the ids of the first time.
     */
    List<IngestOutcome> ingestAll(List<Planned> events);

    /**
     * The due moment of the digest of a key still waiting for its window to end (SCHEDULED); empty when
     * none is open, so the next message of the key opens one.
     */
    default Optional<Instant> openDigest(String digestKey) {
        return Optional.empty();
    }

    /** The events a digest communication gathers, oldest first; empty when it is no digest. */
    default List<BusinessEvent> digestItems(String communicationId) {
        return List.of();
    }

    /** The reminders of a key still waiting for their moment (SCHEDULED). */
    List<Communication> pendingReminders(String reminderKey);

    /**
     * Suppresses reminders not yet sent whose appointment is at or before {@code now} (Karaf was
     * down at their moment). @return how many
     */
    int suppressExpiredReminders(Instant now);

    /** The ids created for an event, empty when the event id is unknown. */
    Optional<List<String>> communicationsOfEvent(String eventId);

    Optional<BusinessEvent> event(String eventId);

    /** The events of a claimed batch in one read, by id; an unknown id is left out. */
    Map<String, BusinessEvent> events(Collection<String> eventIds);

    /**
     * Claims up to {@code limit} due communications, oldest due first, moving them to SENDING
     * with a lease until {@code leaseUntil}. Safe when several nodes claim at once: a row is
     * claimed by one of them.
     */
    List<Communication> claimDue(Instant now, int limit, Instant leaseUntil);

    /** Rows claimed with the events they refer to, read in the claim's transaction. */
    record Claim(List<Communication> claimed, Map<String, BusinessEvent> events) {
        public static final Claim NONE = new Claim(List.of(), Map.of());
    }

    /**
     * One transaction for the send path's round: marks the rows of the previous round as handed over
     * ({@link #markHandedOver}), then claims up to {@code limit} due rows ({@link #claimDue}; none when
     * {@code limit} is 0) and reads their events. Either all of it is committed or none of it.
     */
    default Claim handOverAndClaim(Collection<String> handedOver, Instant now, int limit, Instant leaseUntil) {
        markHandedOver(handedOver);
        List<Communication> claimed = limit < 1 ? List.of() : claimDue(now, limit, leaseUntil);
        return claimed.isEmpty() ? Claim.NONE
                : new Claim(claimed, events(claimed.stream().map(Communication::eventId).toList()));
    }

    /** SENDING → SENT, with the channel, the provider's id and what was sent. */
    void markSent(String id, String channel, String providerMessageId, int templateVersion, String language,
            String subject, String body, Instant sentAt);

    /** One SENDING → SENT change, for {@link #markSentAll}. */
    record Sent(String id, String channel, String providerMessageId, int templateVersion, String language,
            String subject, String body, Instant sentAt) {
    }

    /** Several SENDING → SENT changes in one transaction (the dispatcher's outcomes arrive in bursts). */
    default void markSentAll(List<Sent> sent) {
        for (Sent s : sent) {
            markSent(s.id(), s.channel(), s.providerMessageId(), s.templateVersion(), s.language(), s.subject(),
                    s.body(), s.sentAt());
        }
    }

    /** One SENDING → QUEUED change after a failed attempt, for {@link #recordOutcomes}. */
    record Retry(String id, String channel, String reason, Instant dueAt) {
    }

    /** One report of a provider on a sent message (a receipt), for {@link #recordOutcomes}. */
    record ProviderReport(String channel, String providerMessageId, CommunicationStatus status, String reason) {
    }

    /**
     * The outcomes of many sends in one transaction, in this order: SENT changes, retries, then
     * provider reports — a report finds the SENT written with it.
     *
     * @return for each report, whether a communication carried its provider id ({@link #markByProviderId})
     */
    default List<Boolean> recordOutcomes(List<Sent> sent, List<Retry> retries, List<ProviderReport> reports) {
        markSentAll(sent);
        for (Retry r : retries) {
            markRetry(r.id(), r.channel(), r.reason(), r.dueAt());
        }
        List<Boolean> matched = new java.util.ArrayList<>(reports.size());
        for (ProviderReport r : reports) {
            matched.add(markByProviderId(r.channel(), r.providerMessageId(), r.status(), r.reason()));
        }
        return matched;
    }

    /** SENDING → QUEUED, due again at {@code dueAt}; counts the attempt. */
    void markRetry(String id, String channel, String reason, Instant dueAt);

    /** SENDING → QUEUED with no due moment, waiting for a channel of its medium. */
    void markWaiting(String id, String reason);

    /**
     * Any not-final status → {@code status} with the reason (FAILED, CANCELLED, SUPPRESSED,
     * DELIVERED).
     *
     * @return false when the communication was already final or does not exist
     */
    boolean markFinal(String id, CommunicationStatus status, String reason);

    /**
     * SCHEDULED or QUEUED → CANCELLED with the reason, in one statement: a communication being sent
     * (SENDING) or sent is left as it is, however the cancel and a claim race.
     *
     * @return false when the communication is not (or no longer) waiting to be sent
     */
    boolean cancel(String id, String reason);

    /**
     * Provider feedback: moves the communication of that channel that last carried that provider id,
     * if it is still SENT (an older one with a reused id stays as it is).
     */
    boolean markByProviderId(String channel, String providerMessageId, CommunicationStatus status, String reason);

    /** Makes QUEUED rows waiting for a channel of the medium due now. @return how many */
    int wakeWaiting(Medium medium, Instant now);

    /**
     * Returns SENDING rows whose lease expired (their worker or node died) to QUEUED, due now,
     * with a reason saying the outcome of the interrupted attempt is unknown. @return how many
     */
    int releaseExpiredLeases(Instant now);

    /**
     * Returns the SENDING rows this node claimed to QUEUED, due now: called when the node starts, for
     * what it held when it stopped or died, so they need not wait for their leases. As with expired
     * leases the interrupted attempt counts, and only a row that was handed to a channel is marked
     * with an unknown outcome (and, once sent, as a possible duplicate). @return how many
     */
    int releaseOwnLeases(Instant now);

    /**
     * Marks claimed rows as handed to their channel, just before they are: from then on an interrupted
     * attempt may have reached the recipient, and a retry is flagged as a possible duplicate.
     */
    void markHandedOver(Collection<String> ids);

    /**
     * Extends the leases of this node's SENDING rows claimed at or after {@code claimedSince} to
     * {@code until}: a send still in progress keeps its row, while the row of a node that died is
     * released when its short lease runs out. @return how many
     */
    int renewLeases(Instant until, Instant claimedSince);

    /** Returns the given SENDING rows to QUEUED, due now (this node gave them up unsent). @return how many */
    int releaseLeases(List<String> ids);

    /**
     * An operator's retry: FAILED (its attempts counted from zero again) or QUEUED → QUEUED, due now,
     * with the reason; its planned moment becomes now, so its retry budget starts again.
     *
     * @return false when the communication is in another status or does not exist
     */
    boolean retryNow(String id, String reason, Instant now);

    /**
     * {@link #retryNow} for every FAILED communication matching the criteria (null: any), in one statement.
     *
     * @param failedFrom the last change at or after it; {@code failedTo}: before it
     * @return how many
     */
    int retryFailed(String channel, String ruleKey, Instant failedFrom, Instant failedTo, String reason, Instant now);

    /**
     * An operator's resend: records a new communication {@code newId} copying the event, entity, rule,
     * template (and version), medium, recipient and language of a SENT, DELIVERED or FAILED one,
     * QUEUED and due now, with the reason.
     *
     * @return false when the original is in another status or does not exist (nothing is recorded)
     */
    boolean resend(String id, String newId, String reason, Instant now);

    /**
     * The moment the longest-waiting due communication became due: the earliest due moment at or
     * before {@code now} of a SCHEDULED or QUEUED row, or the planned moment of a QUEUED row waiting
     * for a channel. Empty when nothing is due.
     */
    Optional<Instant> oldestDue(Instant now);

    /** The newest communication of the channel carrying the provider's id, as provider feedback finds it. */
    Optional<Communication> byProviderId(String channel, String providerMessageId);
}
