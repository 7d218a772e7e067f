package io.tidings.core.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlanContext;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RulePlan;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateEngine;
import io.tidings.core.support.CommunicationIds;
import io.tidings.core.store.ReminderChange;
import io.tidings.core.store.ReminderMark;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.DigestPlan;
import io.tidings.core.store.LocationRepository;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.support.ExpiringCache;

/**
 * Turns an event into the communications its matching rules want: one row per template and
 * recipient, SUPPRESSED (with the reason) where consent or an address is missing. With a store it
 * also knows locations and opt-outs, and keeps one reminder per rule and entity: a later event of
 * the entity moves its pending reminder, a {@code *.cancelled} or {@code *.deleted} one cancels it.
 * A digest rule's messages join the open window of their contact (or open one), and a cancelled
 * entity leaves the digests it is in.
 */
public final class Planner {

    /** Locations change rarely; an edit is seen within this long. */
    private static final Duration LOCATION_CACHE = Duration.ofSeconds(2);

    private final RuleEngine rules;
    private final TemplateEngine templateEngine;
    private final Clock clock;
    private final OutboxRepository outbox;
    private final LocationRepository locationRepository;
    private final ConsentRepository consent;
    private final ExpiringCache<String, Optional<Location>> locations = new ExpiringCache<>(LOCATION_CACHE);

    /** Without a store: no locations, opt-outs or reminder lifecycle (every reminder event plans anew). */
    public Planner(RuleEngine rules, TemplateEngine templateEngine, Clock clock) {
        this(rules, templateEngine, clock, null, null, null);
    }

    /**
     * @param outbox      pending reminders, for their lifecycle
     * @param locations   time zones and working hours
     * @param consent     opt-outs and opt-ins recorded by Tidings
     */
    public Planner(RuleEngine rules, TemplateEngine templateEngine, Clock clock, OutboxRepository outbox,
            LocationRepository locations, ConsentRepository consent) {
        this.rules = rules;
        this.templateEngine = templateEngine;
        this.clock = clock;
        this.outbox = outbox;
        this.locationRepository = locations;
        this.consent = consent;
    }

    /**
     * What an event does to the queue.
     *
     * @param reminders the reminder key and deadline of each new reminder, by communication id
     * @param changes   moves and cancellations of pending reminders
     */
    public record Plan(List<Communication> communications, Map<String, ReminderMark> reminders,
            List<ReminderChange> changes, DigestPlan digests) {

        public Plan(List<Communication> communications, Map<String, ReminderMark> reminders,
                List<ReminderChange> changes) {
            this(communications, reminders, changes, DigestPlan.NONE);
        }

        /** The plan as the store records it. */
        public OutboxRepository.Planned planned(BusinessEvent event) {
            return new OutboxRepository.Planned(event, communications, reminders, changes, digests);
        }
    }

    /**
     * Renders a template once for a message created by hand, so that what it lacks (an
     * {@code #unrestricted} value) is refused now, naming it, rather than failing at send time.
     */
    public void checkRenders(Template template, BusinessEvent event, String preferredLanguage) {
        templateEngine.render(template, preferredLanguage, event.data());
    }

    public List<RulePlan> explain(BusinessEvent event, List<NotificationRule> candidates,
            Function<String, Optional<Template>> templates) {
        Instant now = clock.instant();
        PlanContext context = context(event, false);
        List<RulePlan> plans = new ArrayList<>();
        List<String> lineage = lineage(event);
        for (NotificationRule rule : candidates) {
            if (!appliesToUnit(rule, lineage)) {
                plans.add(new RulePlan(rule.key(), false, "the rule belongs to unit '" + rule.unit()
                        + "' and applies only to events of that unit or of units below it; this event's unit is "
                        + (event.unit() == null ? "none" : "'" + event.unit() + "'"), List.of()));
                continue;
            }
            plans.add(withNotes(rule, rules.plan(rule, event, media(rule, templates), now, context), now));
        }
        return plans;
    }

    /** The unit and the units above it, nearest first (a unit's lineage in the unit tree). */
    private volatile Function<String, List<String>> unitLineage = List::of;

    /** Where the units above an event's unit are looked up (the unit tree); by default a unit has none above. */
    public void unitLineage(Function<String, List<String>> lineage) {
        this.unitLineage = lineage;
    }

    private List<String> lineage(BusinessEvent event) {
        return event.unit() == null ? List.of() : unitLineage.apply(event.unit());
    }

    /**
     * The one place where units decide which rules apply: a rule of no unit applies to every event,
     * a rule of a unit to events of that unit or of units below it.
     */
    static boolean appliesToUnit(NotificationRule rule, List<String> eventLineage) {
        return rule.unit() == null || eventLineage.contains(rule.unit());
    }

    /** Says what a frequency cap can say of a rule's message to a recipient at a moment; null for nothing. */
    @FunctionalInterface
    public interface CapNotes {
        String of(NotificationRule rule, String recipient, Instant now);
    }

    private volatile CapNotes capNotes = (rule, recipient, now) -> null;

    /** What explain says of the frequency caps that apply (the send path's caps, counted in the record). */
    public void capNotes(CapNotes notes) {
        this.capNotes = notes;
    }

    /** A matched plan with what caps and digest windows will do to its messages added to its reason. */
    private RulePlan withNotes(NotificationRule rule, RulePlan plan, Instant now) {
        if (!plan.matched()) {
            return plan;
        }
        List<String> notes = new ArrayList<>();
        if (plan.reason() != null) {
            notes.add(plan.reason());
        }
        for (PlannedMessage m : plan.messages()) {
            if (m.suppressedReason() != null || m.recipient() == null) {
                continue;
            }
            String prefix = plan.messages().size() > 1 ? m.templateKey() + " to " + m.recipient() + ": " : "";
            if (rule.digest() != null && outbox != null) {
                notes.add(prefix + Digests.explain(outbox, rule, m.templateKey(), m.recipient(),
                        m.notBefore() == null ? now : m.notBefore()));
            }
            String cap = capNotes.of(rule, m.recipient(), now);
            if (cap != null) {
                notes.add(prefix + cap);
            }
        }
        return notes.isEmpty() ? plan : new RulePlan(plan.ruleKey(), true, String.join("; ", notes), plan.messages());
    }

    public List<Communication> plan(BusinessEvent event, List<NotificationRule> candidates,
            Function<String, Optional<Template>> templates) {
        return planEvent(event, candidates, templates).communications();
    }

    public Plan planEvent(BusinessEvent event, List<NotificationRule> candidates,
            Function<String, Optional<Template>> templates) {
        return planEvent(event, candidates, templates, null);
    }

    /**
     * Plans as {@link #planEvent(BusinessEvent, List, Function)} does, as if the event arrived at
     * {@code notBefore} when that is later (a notification run's send moment): delays, working and
     * quiet hours count from it, so each recipient's window still applies.
     */
    public Plan planEvent(BusinessEvent event, List<NotificationRule> candidates,
            Function<String, Optional<Template>> templates, Instant notBefore) {
        Instant received = clock.instant();
        Instant now = notBefore != null && notBefore.isAfter(received) ? notBefore : received;
        PlanContext context = context(event, false);
        List<Communication> planned = new ArrayList<>();
        Map<String, ReminderMark> marks = new LinkedHashMap<>();
        List<ReminderChange> changes = new ArrayList<>();
        List<DigestPlan.Join> joins = new ArrayList<>();
        List<DigestPlan.Leave> leaves = new ArrayList<>();
        List<String> lineage = lineage(event);
        for (NotificationRule rule : candidates) {
            if (!appliesToUnit(rule, lineage)) {
                continue;
            }
            Map<String, Medium> media = media(rule, templates);
            if (rule.digest() != null && outbox != null && cancels(event)) {
                leaves.add(new DigestPlan.Leave(rule.key(), event.entity(), "every item of the digest was cancelled (last by "
                        + event.type() + ", event " + event.id() + ")"));
                continue;
            }
            String reminderKey = rule.reminder() == null || outbox == null ? null : reminderKey(rule, event);
            List<Communication> pending = reminderKey == null ? List.of() : outbox.pendingReminders(reminderKey);
            if (!pending.isEmpty()) {
                changes.addAll(updatePending(rule, event, media, now, reminderKey, pending));
                continue;
            }
            RulePlan plan = rules.plan(rule, event, media, now, context);
            if (!plan.matched()) {
                continue;
            }
            for (PlannedMessage message : plan.messages()) {
                Communication communication = communication(event, rule, message, templates, now, received);
                if (rule.digest() != null && outbox != null && communication.status() != CommunicationStatus.SUPPRESSED) {
                    joins.add(Digests.join(rule, communication));
                    continue;
                }
                planned.add(communication);
                if (reminderKey != null && message.deadline() != null) {
                    marks.put(communication.id(), new ReminderMark(reminderKey, message.deadline()));
                }
            }
        }
        return new Plan(planned, marks, changes, new DigestPlan(joins, leaves));
    }

    /**
     * A reminder is pending for the rule and entity: the event cancels it, moves it, or leaves it
     * (no new value of its time field). A second reminder is never planned beside a pending one.
     */
    private List<ReminderChange> updatePending(NotificationRule rule, BusinessEvent event, Map<String, Medium> media,
            Instant now, String key, List<Communication> pending) {
        if (cancels(event)) {
            return List.of(new ReminderChange(key, ReminderChange.Kind.CANCEL, null, null, null,
                    "cancelled by " + event.type() + " (event " + event.id() + ")"));
        }
        RulePlan plan = rules.plan(rule, event, media, now, context(event, true));
        if (!plan.matched()) {
            return List.of();
        }
        List<ReminderChange> changes = new ArrayList<>();
        pending.stream().map(Communication::templateKey).distinct().forEach(template -> {
            PlannedMessage message = plan.messages().stream()
                    .filter(m -> m.templateKey().equals(template) && m.suppressedReason() == null).findFirst()
                    .orElse(plan.messages().stream().filter(m -> m.templateKey().equals(template)).findFirst()
                            .orElse(null));
            if (message == null) {
                return;
            }
            if (message.suppressedReason() != null) {
                changes.add(new ReminderChange(key, ReminderChange.Kind.SUPPRESS, template, null, null,
                        message.suppressedReason() + " (after " + event.type() + ")"));
            } else {
                changes.add(new ReminderChange(key, ReminderChange.Kind.MOVE, template, message.notBefore(),
                        message.deadline(), "moved by " + event.type() + " (event " + event.id() + ")"));
            }
        });
        return changes;
    }

    /** A {@code *.cancelled} or {@code *.deleted} event: cancels its entity's reminders, takes it out of digests. */
    static boolean cancels(BusinessEvent event) {
        return event.type().endsWith(".cancelled") || event.type().endsWith(".deleted");
    }

    /** Rule, entity type and entity id: one reminder per rule and appointment holder. */
    static String reminderKey(NotificationRule rule, BusinessEvent event) {
        return rule.key() + "|" + event.entity().type() + "|" + event.entity().id();
    }

    private PlanContext context(BusinessEvent event, boolean reminderUpdate) {
        if (locationRepository == null) {
            return reminderUpdate ? new PlanContext(null, null, true) : PlanContext.none();
        }
        Location location = event.location() == null ? null
                : locations.get(event.location(), locationRepository::location).orElse(null);
        return new PlanContext(location, consent::optedOut, reminderUpdate, consent::optedIn);
    }

    private Communication communication(BusinessEvent event, NotificationRule rule, PlannedMessage message,
            Function<String, Optional<Template>> templates, Instant now, Instant received) {
        Optional<Template> template = templates.apply(message.templateKey());
        String language = template.map(t -> templateEngine.resolveLanguage(t, message.language()))
                .orElse(message.language());
        CommunicationStatus status;
        String reason = message.suppressedReason();
        Instant notBefore = message.notBefore() == null ? now : message.notBefore();
        if (reason != null) {
            status = CommunicationStatus.SUPPRESSED;
        } else if (notBefore.isAfter(received)) {
            status = CommunicationStatus.SCHEDULED;
        } else {
            status = CommunicationStatus.QUEUED;
        }
        return new Communication(CommunicationIds.next(), event.id(), event.entity(), rule.key(),
                message.templateKey(), null, message.medium(), null, message.recipient(), language, status, reason, 0,
                notBefore, received, null, null, null, null, event.unit());
    }

    private static Map<String, Medium> media(NotificationRule rule, Function<String, Optional<Template>> templates) {
        Map<String, Medium> media = new HashMap<>();
        for (String key : rule.templates()) {
            templates.apply(key).ifPresent(t -> media.put(key, t.medium()));
        }
        return media;
    }
}
