package io.tidings.rules.engine;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.contact.ContactAddresses;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlanContext;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RulePlan;
import io.tidings.rules.condition.ConditionEngine;
import io.tidings.rules.condition.ConditionResult;
import io.tidings.rules.consent.ConsentPolicy;
import io.tidings.rules.recipient.CanonicalAddresses;
import io.tidings.rules.recipient.Recipient;
import io.tidings.rules.recipient.RecipientResolver;
import io.tidings.rules.schedule.ReminderTimes;
import io.tidings.rules.schedule.Schedule;
import io.tidings.rules.schedule.ScheduleContext;
import io.tidings.rules.schedule.Windows;
import io.tidings.rules.trigger.TriggerMatch;
import io.tidings.rules.trigger.Triggers;

/**
 * The rule engine without OSGi: disabled → trigger → location → condition → one message per
 * template and recipient, with consent (and Tidings' own opt-outs) and schedule applied: delay or
 * reminder moment, then per recipient the location's working hours and the recipient's quiet hours. Never throws for a bad rule or event:
 * the answer is a non-match naming the reason, so the event itself is never lost. Thread-safe.
 */
public final class RulePlanner implements RuleEngine {

    private final Triggers triggers;
    private final ConditionEngine conditions;
    private final RecipientResolver recipients;
    private final ConsentPolicy consent;
    private final Schedule schedule;
    private final RuleValidator validator;
    private final CanonicalAddresses addresses;

    public RulePlanner(Triggers triggers, ConditionEngine conditions, RecipientResolver recipients,
            ConsentPolicy consent, Schedule schedule) {
        this.addresses = recipients.addresses();
        this.triggers = triggers;
        this.conditions = conditions;
        this.recipients = recipients;
        this.consent = consent;
        this.schedule = schedule;
        this.validator = new RuleValidator(triggers, conditions, recipients);
    }

    /** The default engine: event, status, outcome and reminder triggers; delay and reminder steps. */
    public RulePlanner(Duration conditionTimeLimit, int conditionCacheSize) {
        this(conditionTimeLimit, conditionCacheSize, new CanonicalAddresses(null));
    }

    /**
     * The default engine reading phone numbers without a country code in the event's country, else
     * in the addresses' default region.
     */
    public RulePlanner(Duration conditionTimeLimit, int conditionCacheSize, CanonicalAddresses addresses) {
        this(new Triggers(), new ConditionEngine(conditionTimeLimit, conditionCacheSize),
                new RecipientResolver(addresses), new ConsentPolicy(), new Schedule());
    }

    /** How this planner writes recipients' addresses: what opt-outs, erasure and look-ups must match. */
    public ContactAddresses addresses() {
        return addresses;
    }

    @Override
    public void validate(NotificationRule rule) {
        validator.validate(rule);
    }

    @Override
    public RulePlan plan(NotificationRule rule, BusinessEvent event, Map<String, Medium> media, Instant now,
            PlanContext context) {
        PlanContext given = context == null ? PlanContext.none() : context;
        String key = rule == null ? null : rule.key();
        if (rule == null || event == null || now == null) {
            return RulePlan.noMatch(key, "nothing to plan: rule, event and now are required");
        }
        if (!rule.enabled()) {
            return RulePlan.noMatch(key, "disabled");
        }
        try {
            validator.validate(rule);
        } catch (ValidationException e) {
            return RulePlan.noMatch(key, "rule is invalid: " + e.getMessage());
        }
        try {
            event.validate();
        } catch (ValidationException e) {
            return RulePlan.noMatch(key, "event is invalid: " + e.getMessage());
        }
        TriggerMatch trigger = triggers.of(rule, given.reminderUpdate()).test(event);
        if (!trigger.matched()) {
            return RulePlan.noMatch(key, trigger.reason());
        }
        if (!rule.locations().isEmpty()) {
            // (immutable lists refuse contains(null), hence the separate check)
            if (event.location() == null) {
                return RulePlan.noMatch(key, "the event has no location; the rule is limited to " + rule.locations());
            }
            if (!rule.locations().contains(event.location())) {
                return RulePlan.noMatch(key, "location '" + event.location() + "' is not one of " + rule.locations());
            }
        }
        ConditionResult condition = conditions.evaluate(rule.condition(), event.data());
        if (!condition.matched()) {
            return RulePlan.noMatch(key, condition.reason());
        }
        Location location = given.location();
        Instant notBefore = schedule.notBefore(new ScheduleContext(rule, event, trigger, now, location));
        Timing timing = timing(rule, event, location, now);
        List<String> notes = new ArrayList<>();
        List<PlannedMessage> messages = new ArrayList<>();
        for (String template : rule.templates()) {
            Medium medium = media == null ? null : media.get(template);
            if (medium == null) {
                notes.add("template " + template + " does not exist");
                continue;
            }
            messages.addAll(messagesFor(rule, event, template, medium, notBefore, timing, given));
        }
        // matched with a reason: the rule fired, but some of its templates could not be planned
        return new RulePlan(key, true, notes.isEmpty() ? null : String.join("; ", notes), messages);
    }

    /**
     * What applies to every message of the rule: the location whose working hours bind, and for a
     * reminder its appointment and whether its moment has passed.
     */
    private record Timing(Location workingHours, Instant deadline, String passed) {
    }

    private static Timing timing(NotificationRule rule, BusinessEvent event, Location location, Instant now) {
        Location hours = rule.workingHoursOnly() ? location : null;
        if (rule.reminder() == null) {
            return new Timing(hours, null, null);
        }
        ReminderTimes times = ReminderTimes.of(rule.reminder(), event, Windows.zone(location)).orElse(null);
        if (times == null) {
            return new Timing(hours, null, null);
        }
        String passed = times.moment().isBefore(now)
                ? "reminder moment " + times.moment() + " has passed (" + rule.reminder().field() + " is "
                        + times.appointment() + ")"
                : null;
        return new Timing(hours, times.appointment(), passed);
    }

    /** The recipient's zone for quiet hours: the contact's time_zone, else the location's, else the event's offset. */
    private static ZoneId recipientZone(Recipient recipient, BusinessEvent event, Location location) {
        if (recipient.contact() != null && recipient.contact().get("time_zone") != null) {
            try {
                return ZoneId.of(recipient.contact().get("time_zone").toString().trim());
            } catch (DateTimeException e) {
                // a zone the host spelt wrongly: fall back to the location's rather than lose the message
            }
        }
        ZoneId zone = Windows.zone(location);
        return zone != null ? zone : event.occurredAt().getOffset();
    }

    private List<PlannedMessage> messagesFor(NotificationRule rule, BusinessEvent event, String template,
            Medium medium, Instant base, Timing timing, PlanContext context) {
        // one message per address and template: the same inbox named twice (the contact and a fixed
        // copy) gets one, and one that may be sent wins over one that may not
        Map<String, PlannedMessage> byAddress = new LinkedHashMap<>();
        List<PlannedMessage> withoutAddress = new ArrayList<>();
        Location location = context.location();
        for (Recipient recipient : recipients.resolve(rule.recipients(), event, medium,
                location == null ? null : location.country())) {
            String refusal = recipient.missing() != null ? recipient.missing()
                    : consent.refusal(recipient, medium, rule.purpose(), context);
            Instant notBefore = base;
            if (refusal == null && timing.passed() != null) {
                refusal = timing.passed();
            }
            if (refusal == null && (timing.workingHours() != null || rule.quietHours() != null)) {
                notBefore = Windows.firstAllowed(base, timing.workingHours(), rule.quietHours(),
                        recipientZone(recipient, event, context.location()));
                if (notBefore == null) {
                    notBefore = base;
                    refusal = "no moment within the working hours of '" + event.location()
                            + "' is outside the recipient's quiet hours";
                } else if (timing.deadline() != null && !notBefore.isBefore(timing.deadline())) {
                    refusal = "no allowed moment before " + rule.reminder().field() + " " + timing.deadline()
                            + " (working hours or quiet hours)";
                }
            }
            PlannedMessage message = new PlannedMessage(template, medium, recipient.address(), recipient.name(),
                    recipient.language(), notBefore, refusal, timing.deadline());
            if (recipient.address() == null) {
                withoutAddress.add(message);
            } else {
                byAddress.merge(recipient.address(), message,
                        (first, next) -> first.suppressedReason() != null && next.suppressedReason() == null ? next : first);
            }
        }
        List<PlannedMessage> messages = new ArrayList<>(byAddress.values());
        messages.addAll(withoutAddress);
        return messages;
    }
}
