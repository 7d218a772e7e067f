package io.tidings.core.ingest;

import java.time.Instant;
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
import io.tidings.core.store.Store;

/**
 * Accepts events: validates, plans against the current rules and stores event and communications
 * in one transaction, then tells the dispatcher something may be due. The same event id twice
 * creates nothing new.
 */
public final class Ingest {

    private final Store store;
    private final Planner planner;
    private final Supplier<List<NotificationRule>> rules;
    private final Function<String, Optional<Template>> templates;
    private final Runnable wake;

    public Ingest(Store store, Planner planner, Supplier<List<NotificationRule>> rules,
            Function<String, Optional<Template>> templates, Runnable wake) {
        this.store = store;
        this.planner = planner;
        this.rules = rules;
        this.templates = templates;
        this.wake = wake;
    }

    public IngestResult submit(BusinessEvent event) {
        event.validate();
        return accept(event, rules, templates);
    }

    /** A message created by hand: planned against its own one-message rule, stored like an event's. */
    public IngestResult send(ManualMessage message, Instant now) {
        message.validate();
        BusinessEvent event = ManualMessages.event(message, now);
        if (message.template() != null) {
            Template template = templates.apply(message.template()).orElseThrow(() -> new ValidationException("template",
                    "no template '" + message.template() + "'"));
            if (message.medium() != null && message.medium() != template.medium()) {
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
        IngestOutcome outcome = store.ingest(event, plan.communications(), plan.reminders(), plan.changes());
        if (!outcome.duplicate()) {
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
