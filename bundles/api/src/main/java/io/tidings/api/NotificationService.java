package io.tidings.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The engine's front door: host platforms submit events, anyone reads the record. */
@ProviderType
public interface NotificationService {

    /**
     * Accepts an event: matches the rules, plans and stores its communications durably before
     * returning. The same event id twice creates nothing new.
     *
     * @throws ValidationException when the event is malformed (naming the field)
     */
    IngestResult submit(BusinessEvent event);

    /**
     * Accepts a batch of events (a notification run) all or none: every event is checked first, and
     * all are stored in one transaction before returning. Each is idempotent as in {@link #submit}.
     *
     * @return one result per event, in order
     * @throws ValidationException naming {@code events[i].field} at fault; nothing is stored then
     * @since 1.2
     */
    List<IngestResult> submitAll(List<BusinessEvent> events);

    /**
     * Accepts a message an agent wrote to one contact: stores it durably before returning, then
     * sends it like any other (consent and opt-outs apply: without them it is SUPPRESSED with the
     * reason). The same id twice creates nothing new.
     *
     * @throws ValidationException when the message is malformed (naming the field)
     * @since 1.2
     */
    IngestResult send(ManualMessage message);

    Optional<Communication> communication(String id);

    /**
     * An event as it was accepted, by its id (a communication's {@code eventId}): what the console
     * tries against the rules again.
     *
     * @return empty when no such event is kept (or this implementation keeps none)
     * @since 1.5
     */
    default Optional<BusinessEvent> event(String id) {
        return Optional.empty();
    }

    /**
     * The ids of the events a digest communication gathers, oldest first; empty for a communication
     * that is no digest (or no longer exists).
     *
     * @since 1.5
     */
    default List<String> digestEvents(String communicationId) {
        return List.of();
    }

    List<Communication> communications(CommunicationQuery query);

    /** How many communications the record holds in each status; a status with none is absent. */
    Map<CommunicationStatus, Long> countByStatus();

    /**
     * How many messages each rule sent since a moment, every medium: those SENT, DELIVERED or
     * BOUNCED with their send time at or after {@code since}, by rule key (rules without sends left
     * out).
     *
     * @return empty where the implementation keeps no record
     * @since 1.5
     */
    default Map<String, Long> sentByRule(java.time.Instant since) {
        return Map.of();
    }

    /**
     * Per channel, the messages it sent since a moment (SENT, DELIVERED or BOUNCED with their send
     * time at or after {@code since}), how many of them BOUNCED, and how many of their addresses were
     * suppressed for a complaint since then; by channel name, channels without sends left out.
     *
     * @return empty where the implementation keeps no record
     * @since 1.5
     */
    default List<io.tidings.api.channel.ChannelOutcomes> outcomesByChannel(java.time.Instant since) {
        return List.of();
    }

    /**
     * Erases a contact from the record: every message to the address (those not yet sent are not
     * sent), the events that only concerned it, its link responses and opt-ins. Its opt-outs are
     * kept, so that it is not written to again for those purposes; events that also concerned others
     * are kept as they are.
     *
     * @param address an email address, or a phone number in any writing: it is brought to the form the
     *                record keeps (E.164, see {@link io.tidings.api.contact.ContactAddresses}) first
     * @throws ValidationException when the address is blank
     * @since 1.2
     */
    Erasure erase(String address);

    /** Cancels a communication that is not yet sent; false when it was already past that point. */
    boolean cancel(String id, String reason);

    /**
     * Retry now: a FAILED communication starts again with a fresh attempt count, a QUEUED one (waiting
     * for its backoff or a channel) is due at once.
     *
     * @return false when the communication is in another status (or does not exist)
     * @since 1.5
     */
    boolean retry(String id);

    /**
     * Sends a SENT, DELIVERED or FAILED communication again as a new communication of the same event,
     * rule, template, recipient and medium, rendered anew.
     *
     * @return the new communication's id; empty when the communication is in another status (or does not exist)
     * @since 1.5
     */
    Optional<String> resend(String id);

    /**
     * Retries now every FAILED communication matching the query, as {@link #retry} does one.
     *
     * @return how many
     * @throws ValidationException when the query gives no criterion, or {@code failedFrom} is not before {@code failedTo}
     * @since 1.5
     */
    int retryFailed(FailedQuery query);
}
