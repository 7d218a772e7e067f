package io.tidings.core.engine;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Erasure;
import io.tidings.api.FailedQuery;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.contact.ContactAddresses;
import io.tidings.api.rule.RuleExplainer;
import io.tidings.api.rule.RulePlan;
import io.tidings.core.support.CommunicationIds;
import io.tidings.core.ingest.Ingest;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.OutboxRepository;

/**
 * The engine's public face: events and messages in (ingest), the record out, cancellation,
 * erasure, and provider feedback for channels. Addresses given to erasure and to look-ups by
 * contact are brought to the form planning stores ({@link ContactAddresses}: phone numbers in E.164,
 * read in the configured default region) before they are compared.
 */
public final class EngineService implements NotificationService, DeliveryFeedback, RuleExplainer {

    private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);
    static final String RETRIED = "retried by an operator";

    /** Where provider feedback goes: the send path, which orders it after the SENT it refers to. */
    interface Feedback {
        boolean report(String channel, String providerMessageId, CommunicationStatus status, String reason);

        /** {@link #report}, answered once recorded; reports that arrive together share a commit. */
        java.util.concurrent.CompletionStage<Boolean> reportAsync(String channel, String providerMessageId,
                CommunicationStatus status, String reason);
    }

    private final Ingest ingest;
    private final OutboxRepository outbox;
    private final CommunicationRecord record;
    private final ContactAddresses addresses;
    private final Feedback feedback;
    private final Clock clock;
    private final Runnable wake;
    private volatile io.tidings.core.events.StatusEvents events = new io.tidings.core.events.StatusEvents();

    private volatile java.util.function.Consumer<String> complaints = channel -> { };

    /** Where channels' complaints are counted, by channel name. */
    void complaints(java.util.function.Consumer<String> complaints) {
        this.complaints = complaints;
    }

    /** Where an operator's changes (cancel, retry, resend) are reported. */
    void events(io.tidings.core.events.StatusEvents events) {
        this.events = events;
    }

    /** Reports the communication's status as recorded now, when anyone listens. */
    private void report(String id) {
        io.tidings.core.events.StatusEvents sink = events;
        if (sink.wanted()) {
            record.communication(id).ifPresent(c -> sink.changed(c, c.status(), c.statusReason(), null));
        }
    }

    EngineService(Ingest ingest, OutboxRepository outbox, CommunicationRecord record, ContactAddresses addresses,
            Feedback feedback, Clock clock, Runnable wake) {
        this.wake = wake;
        this.ingest = ingest;
        this.outbox = outbox;
        this.record = record;
        this.addresses = addresses;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public IngestResult submit(BusinessEvent event) {
        return ingest.submit(event);
    }

    @Override
    public List<IngestResult> submitAll(List<BusinessEvent> events) {
        return ingest.submitAll(events);
    }

    @Override
    public Erasure erase(String address) {
        if (address == null || address.isBlank()) {
            throw new ValidationException("address", "is required (an email address or a phone number)");
        }
        // the record keeps numbers in E.164: 067 123 45 67 erases what was sent to +380671234567
        String written = address.trim();
        String canonical = addresses.canonical(written).orElse(written);
        Erasure erased = record.erase(canonical);
        if (!canonical.equals(written)) {
            // rows recorded before numbers were stored in E.164 carry the number as the event wrote it
            Erasure asWritten = record.erase(written);
            erased = new Erasure(canonical, erased.communications() + asWritten.communications(),
                    erased.events() + asWritten.events(), erased.linkResponses() + asWritten.linkResponses(),
                    erased.optIns() + asWritten.optIns(), erased.optOutsKept() + asWritten.optOutsKept());
        }
        LOG.info("A contact was erased: {} communication(s), {} event(s), {} link response(s), {} opt-in(s)",
                erased.communications(), erased.events(), erased.linkResponses(), erased.optIns());
        return erased;
    }

    @Override
    public IngestResult send(ManualMessage message) {
        return ingest.send(message, clock.instant());
    }

    /** What every rule would do with the event, without storing anything. */
    @Override
    public List<RulePlan> explain(BusinessEvent event) {
        return ingest.explain(event);
    }

    @Override
    public List<String> digestEvents(String communicationId) {
        return outbox.digestItems(communicationId).stream().map(BusinessEvent::id).toList();
    }

    @Override
    public Optional<Communication> communication(String id) {
        return record.communication(id);
    }

    @Override
    public Optional<BusinessEvent> event(String id) {
        return id == null ? Optional.empty() : outbox.event(id);
    }

    @Override
    public List<Communication> communications(CommunicationQuery query) {
        if (query.contact() != null && !query.contact().isBlank()) {
            String written = query.contact().trim();
            query = new CommunicationQuery(query.entityType(), query.entityId(),
                    addresses.canonical(written).orElse(written), query.status(), query.limit(), query.run(),
                    query.contactId(), query.units());
        }
        return record.communications(query);
    }

    @Override
    public Map<CommunicationStatus, Long> countByStatus() {
        return record.countByStatus();
    }

    @Override
    public Map<String, Long> sentByRule(java.time.Instant since) {
        return record.sentByRule(since);
    }

    @Override
    public List<io.tidings.api.channel.ChannelOutcomes> outcomesByChannel(java.time.Instant since) {
        return record.outcomesByChannel(since);
    }

    @Override
    public boolean cancel(String id, String reason) {
        // one conditional update: a message claimed for sending meanwhile is not overwritten
        boolean cancelled = outbox.cancel(id, reason == null ? "cancelled" : reason);
        if (cancelled) {
            report(id);
        }
        return cancelled;
    }

    @Override
    public boolean retry(String id) {
        boolean queued = outbox.retryNow(id, RETRIED, clock.instant());
        if (queued) {
            report(id);
            LOG.info("Communication {} was queued again by an operator", id);
            wake.run();
        }
        return queued;
    }

    @Override
    public Optional<String> resend(String id) {
        String copy = CommunicationIds.next();
        if (!outbox.resend(id, copy, "a resend of " + id + " by an operator", clock.instant())) {
            return Optional.empty();
        }
        report(copy);
        LOG.info("Communication {} is sent again by an operator as {}", id, copy);
        wake.run();
        return Optional.of(copy);
    }

    @Override
    public int retryFailed(FailedQuery query) {
        if (query == null || query.unrestricted()) {
            throw new ValidationException("query", "names no channel, rule or time range; give at least one");
        }
        if (query.failedFrom() != null && query.failedTo() != null && !query.failedFrom().isBefore(query.failedTo())) {
            throw new ValidationException("failedFrom", "must be before failedTo");
        }
        int queued = outbox.retryFailed(query.channel(), query.rule(), query.failedFrom(), query.failedTo(), RETRIED,
                clock.instant());
        if (queued > 0) {
            LOG.info("{} failed communication(s) were queued again by an operator", queued);
            wake.run();
        }
        return queued;
    }

    @Override
    public boolean delivered(String channelName, String providerMessageId) {
        return feedback.report(channelName, providerMessageId, CommunicationStatus.DELIVERED, null);
    }

    @Override
    public boolean failed(String channelName, String providerMessageId, String reason) {
        return feedback.report(channelName, providerMessageId, CommunicationStatus.FAILED, reason);
    }

    @Override
    public java.util.concurrent.CompletionStage<Boolean> deliveredAsync(String channelName, String providerMessageId) {
        return feedback.reportAsync(channelName, providerMessageId, CommunicationStatus.DELIVERED, null);
    }

    @Override
    public java.util.concurrent.CompletionStage<Boolean> failedAsync(String channelName, String providerMessageId,
            String reason) {
        return feedback.reportAsync(channelName, providerMessageId, CommunicationStatus.FAILED, reason);
    }

    @Override
    public void complained(String channelName) {
        complaints.accept(channelName);
    }

    /**
     * By the communication a VERP return path names (when it was sent by that channel), else by the
     * provider message id.
     */
    @Override
    public boolean bounced(String channelName, String providerMessageId, String communicationId, String diagnostic) {
        String reason = diagnostic == null || diagnostic.isBlank() ? "bounced" : diagnostic;
        if (communicationId != null) {
            java.util.Optional<Communication> named = record.communication(communicationId);
            if (named.isPresent() && channelName.equals(named.get().channel())
                    && named.get().providerMessageId() != null) {
                return feedback.report(channelName, named.get().providerMessageId(), CommunicationStatus.BOUNCED, reason);
            }
        }
        return providerMessageId != null
                && feedback.report(channelName, providerMessageId, CommunicationStatus.BOUNCED, reason);
    }
}
