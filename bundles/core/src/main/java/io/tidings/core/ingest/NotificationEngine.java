package io.tidings.core.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Erasure;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;
import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RuleExplainer;
import io.tidings.api.rule.RulePlan;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.TemplateEngine;
import io.tidings.api.template.TemplateService;
import io.tidings.core.dispatch.DispatchComponent;
import io.tidings.core.plan.Planner;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.LocationRepository;
import io.tidings.core.store.OutboxRepository;

/**
 * Ingest: validates an event, plans its communications and stores event and communications in one
 * transaction before answering; the same event id twice creates nothing new. Also takes provider
 * feedback for channels.
 */
@Component(service = {NotificationService.class, DeliveryFeedback.class, RuleExplainer.class})
public class NotificationEngine implements NotificationService, DeliveryFeedback, RuleExplainer {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationEngine.class);

    @Reference
    private OutboxRepository outbox;

    @Reference
    private CommunicationRecord record;

    @Reference
    private LocationRepository locations;

    @Reference
    private ConsentRepository consent;

    @Reference
    private RuleEngine ruleEngine;

    @Reference
    private RuleService rules;

    @Reference
    private TemplateService templates;

    @Reference
    private TemplateEngine templateEngine;

    @Reference
    private DispatchComponent dispatch;

    private Ingest ingest;

    @Activate
    void activate() {
        ingest = new Ingest(outbox, new Planner(ruleEngine, templateEngine, Clock.systemUTC(), outbox, locations, consent),
                rules::rules,
                templates::template, dispatch::wake);
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
        Erasure erased = record.erase(address.trim());
        LOG.info("A contact was erased: {} communication(s), {} event(s), {} link response(s), {} opt-in(s)",
                erased.communications(), erased.events(), erased.linkResponses(), erased.optIns());
        return erased;
    }

    @Override
    public IngestResult send(ManualMessage message) {
        return ingest.send(message, Clock.systemUTC().instant());
    }

    /** What every rule would do with the event, without storing anything. */
    @Override
    public List<RulePlan> explain(BusinessEvent event) {
        return ingest.explain(event);
    }

    @Override
    public Optional<Communication> communication(String id) {
        return record.communication(id);
    }

    @Override
    public List<Communication> communications(CommunicationQuery query) {
        return record.communications(query);
    }

    @Override
    public Map<CommunicationStatus, Long> countByStatus() {
        return record.countByStatus();
    }

    @Override
    public boolean cancel(String id, String reason) {
        Optional<Communication> current = record.communication(id);
        if (current.isEmpty()) {
            return false;
        }
        CommunicationStatus status = current.get().status();
        if (status != CommunicationStatus.SCHEDULED && status != CommunicationStatus.QUEUED) {
            return false;
        }
        return outbox.markFinal(id, CommunicationStatus.CANCELLED, reason == null ? "cancelled" : reason);
    }

    @Override
    public boolean delivered(String channelName, String providerMessageId) {
        return dispatch.feedback(channelName, providerMessageId, CommunicationStatus.DELIVERED, null);
    }

    @Override
    public boolean failed(String channelName, String providerMessageId, String reason) {
        return dispatch.feedback(channelName, providerMessageId, CommunicationStatus.FAILED, reason);
    }
}
