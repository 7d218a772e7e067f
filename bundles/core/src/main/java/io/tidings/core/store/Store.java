package io.tidings.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Erasure;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.api.link.LinkResponse;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;

/**
 * The durable queue and the configuration the engine runs on. Every method is one transaction;
 * a method that returns has made its change durable (committed and on disk).
 *
 * <p>Claimable rows: a communication is due when its status is SCHEDULED or QUEUED with a due
 * moment at or before now. A QUEUED row waiting for a channel has no due moment until
 * {@link #wakeWaiting} gives it one.
 */
@ProviderType
public interface Store {

    // ---- events and the outbox

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
            List<ReminderChange> changes) {
    }

    /**
     * Records many events as {@link #ingest} does each, all in one transaction: all or none. An id
     * already recorded (or twice in the list) stores nothing and answers the ids of the first time.
     */
    List<IngestOutcome> ingestAll(List<Planned> events);

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
     * Provider feedback: moves the communication of that channel that last carried that provider id,
     * if it is still SENT (an older one with a reused id stays as it is).
     */
    boolean markByProviderId(String channel, String providerMessageId, CommunicationStatus status, String reason);

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

    /** Makes QUEUED rows waiting for a channel of the medium due now. @return how many */
    int wakeWaiting(Medium medium, Instant now);

    /**
     * Returns SENDING rows whose lease expired (their worker or node died) to QUEUED, due now,
     * with a reason saying the outcome of the interrupted attempt is unknown. @return how many
     */
    int releaseExpiredLeases(Instant now);

    /** Returns the given SENDING rows to QUEUED, due now (this node gave them up unsent). @return how many */
    int releaseLeases(List<String> ids);

    Optional<Communication> communication(String id);

    List<Communication> communications(CommunicationQuery query);

    /** How many communications are in each status (for the shell and the console). */
    Map<CommunicationStatus, Long> countByStatus();

    // ---- templates (every save is a new version; old versions are kept)

    List<Template> templates();

    Optional<Template> template(String key);

    Optional<Template> template(String key, int version);

    /** Stores the template as the next version and returns it with that version. */
    Template saveTemplate(Template template);

    boolean deleteTemplate(String key);

    // ---- rules

    List<NotificationRule> rules();

    Optional<NotificationRule> rule(String key);

    void saveRule(NotificationRule rule);

    boolean deleteRule(String key);

    /** Saves and deletes rules in one transaction: all or nothing. */
    void changeRules(List<NotificationRule> save, List<String> delete);

    // ---- locations

    List<Location> locations();

    Optional<Location> location(String key);

    void saveLocation(Location location);

    boolean deleteLocation(String key);

    // ---- opt-outs recorded by Tidings

    /**
     * Records the opt-out and withdraws an opt-in of the same purpose, in one transaction; a
     * repeated one keeps its first moment. @return the opt-out as stored
     */
    OptOut saveOptOut(OptOut optOut);

    boolean optedOut(String address, Purpose purpose);

    List<OptOut> optOuts(String address);

    // ---- opt-ins recorded by Tidings (the latest choice for an address and purpose wins)

    /** Records the opt-in and withdraws an opt-out of the same purpose, in one transaction. */
    void saveOptIn(String address, Purpose purpose, Instant at);

    boolean optedIn(String address, Purpose purpose);

    // ---- dynamic links followed

    /** Records the response once per communication and action. @return the response as stored (the first one) */
    LinkResponse saveLinkResponse(LinkResponse response);

    List<LinkResponse> linkResponses(String entityType, String entityId, Instant since, int limit);

    // ---- email engagement (tracked opens and clicks)

    void recordOpen(String communicationId, Instant at);

    void recordClick(String communicationId, Instant at);

    io.tidings.api.link.Engagement engagement(String communicationId);

    io.tidings.api.link.EngagementSummary engagementSummary(String ruleKey, Instant since);

    // ---- the outbox of external channels

    /** Keeps a rendered message for an external system (again for the same communication: replaces it). */
    void outboxPut(String channel, io.tidings.api.queue.QueuedMessage message, Instant now);

    /** Claims the oldest messages of a channel that are unclaimed or whose claim expired. */
    List<io.tidings.api.queue.QueuedMessage> outboxClaim(String channel, int limit, Instant now, Instant claimedUntil);

    /** @return false when the channel holds no such message */
    boolean outboxRemove(String channel, String communicationId);

    // ---- settings shared by the nodes of a cluster

    /** The setting, stored from {@code initial} the first time it is asked for (by any node). */
    String setting(String name, java.util.function.Supplier<String> initial);
}
