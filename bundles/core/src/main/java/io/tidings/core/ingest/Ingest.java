package io.tidings.core.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.tidings.api.BusinessEvent;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RulePlan;
import io.tidings.api.template.Template;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.plan.ManualMessages;
import io.tidings.core.plan.Planner;
import io.tidings.core.store.OutboxRepository;

/**
 * Accepts events: validates, plans against the current rules and stores event and communications
 * in one transaction, then tells the dispatcher something may be due. The same event id twice
 * creates nothing new.
 */
public final class Ingest implements AutoCloseable {

    private final OutboxRepository store;
    private final Planner planner;
    private final Supplier<List<NotificationRule>> rules;
    private final Function<String, Optional<Template>> templates;
    private final Runnable wake;
    private final GroupCommit commits;
    private volatile io.tidings.core.events.StatusEvents events = new io.tidings.core.events.StatusEvents();

    /** Where the first status of each new communication is reported. */
    public void events(io.tidings.core.events.StatusEvents events) {
        this.events = events;
    }

    private volatile Runnable accepted = () -> { };

    /** Told of each event accepted (a repeated id is not), for monitoring. */
    public void onAccepted(Runnable accepted) {
        this.accepted = accepted;
    }

    private void planned(List<io.tidings.api.Communication> communications) {
        accepted.run();
        io.tidings.core.events.StatusEvents sink = events;
        for (io.tidings.api.Communication c : communications) {
            sink.changed(c, c.status(), c.statusReason(), null);
        }
    }

    public Ingest(OutboxRepository store, Planner planner, Supplier<List<NotificationRule>> rules,
            Function<String, Optional<Template>> templates, Runnable wake) {
        this.store = store;
        this.planner = planner;
        this.rules = rules;
        this.templates = templates;
        this.wake = wake;
        this.commits = new GroupCommit(store);
    }

    /** Stops group commits; events arriving after this are each stored alone. */
    @Override
    public void close() {
        commits.close();
    }

    public IngestResult submit(BusinessEvent event) {
        event.validate();
        return accept(event, rules, templates);
    }

    /** The most events one batch takes. */
    public static final int MAX_BATCH = 1000;

    /**
     * A batch of events (a nightly notification run), accepted all or none: every event is checked
     * first (a fault is named as {@code events[i].field}), then each is planned against the rules and
     * the record as they stand before the batch, and all are stored in one transaction.
     */
    public List<IngestResult> submitAll(List<BusinessEvent> events) {
        return submitAll(events, null, store::ingestAll);
    }

    /**
     * A batch as {@link #submitAll(List)} takes it, planned as if it arrived at {@code notBefore} when
     * that is later, and stored by {@code storeAll} in one transaction (a notification run records its
     * events with them).
     */
    public List<IngestResult> submitAll(List<BusinessEvent> events, Instant notBefore,
            Function<List<OutboxRepository.Planned>, List<IngestOutcome>> storeAll) {
        if (events == null || events.isEmpty()) {
            throw new ValidationException("events", "needs at least one event");
        }
        if (events.size() > MAX_BATCH) {
            throw new ValidationException("events", "holds " + events.size() + " events; at most " + MAX_BATCH
                    + " are taken at once");
        }
        for (int i = 0; i < events.size(); i++) {
            BusinessEvent event = events.get(i);
            if (event == null) {
                throw new ValidationException("events[" + i + "]", "is not an event");
            }
            try {
                event.validate();
            } catch (ValidationException e) {
                throw new ValidationException("events[" + i + "]." + e.field(), e.reason());
            }
        }
        List<NotificationRule> current = rules.get();
        List<OutboxRepository.Planned> planned = new ArrayList<>(events.size());
        for (BusinessEvent event : events) {
            Planner.Plan plan = planner.planEvent(event, current, templates, notBefore);
            planned.add(plan.planned(event));
        }
        List<IngestOutcome> outcomes = storeAll.apply(planned);
        if (outcomes.stream().anyMatch(o -> !o.duplicate())) {
            for (int i = 0; i < outcomes.size(); i++) {
                if (!outcomes.get(i).duplicate()) {
                    planned(planned.get(i).communications());
                }
            }
            wake.run();
        }
        return outcomes.stream().map(o -> new IngestResult(o.duplicate(), o.communicationIds())).toList();
    }

    /** A message created by hand: planned against its own one-message rule, stored like an event's. */
    public IngestResult send(ManualMessage message, Instant now) {
        message.validate();
        BusinessEvent event = ManualMessages.event(message, now);
        if (message.template() != null) {
            Template template = templates.apply(message.template()).orElseThrow(() -> new ValidationException("template",
                    "no template '" + message.template() + "'"));
            if (message.medium() != null && !message.medium().equals(template.medium())) {
                throw new ValidationException("medium", "template '" + template.key() + "' is for " + template.medium());
            }
            message.requireAddress(template.medium());
            Object language = message.recipient().get("preferred_language");
            planner.checkRenders(template, event, language instanceof String s ? s : null);
        }
        NotificationRule rule = ManualMessages.rule(message, now);
        return accept(event, () -> List.of(rule), key -> ManualMessages.template(key).or(() -> templates.apply(key)));
    }

    private IngestResult accept(BusinessEvent event, Supplier<List<NotificationRule>> candidates,
            Function<String, Optional<Template>> templateOf) {
        Optional<List<String>> known = store.communicationsOfEvent(event.id());
        if (known.isPresent()) {
            return new IngestResult(true, known.get());
        }
        Planner.Plan plan = planner.planEvent(event, candidates.get(), templateOf);
        IngestOutcome outcome = commits.commit(plan.planned(event));
        if (!outcome.duplicate()) {
            planned(plan.communications());
            wake.run();
        }
        return new IngestResult(outcome.duplicate(), outcome.communicationIds());
    }

    /** What every rule would do with the event, without storing anything. */
    public List<RulePlan> explain(BusinessEvent event) {
        event.validate();
        return planner.explain(event, rules.get(), templates);
    }
}
