package io.tidings.webconsole.page;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.Digest;
import io.tidings.api.rule.FrequencyCap;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.QuietHours;
import io.tidings.api.rule.Reminder;
import io.tidings.api.rule.RuleText;

/**
 * The rule form as posted, read into a rule. Its fields carry the names of the REST contract
 * ({@code reminder.before}, {@code quietHours.from}, {@code frequencyCap.per}), so that an error of
 * the rule store, which names those, lands next to the field it is about. What a field means is
 * checked by the rule store and engine on save; this only reads the text.
 */
final class RuleFormReader {

    /** How the reminder is chosen: none, "PT2H before" or "13:00 the day before". */
    static final String REMINDER_KIND = "reminder.kind";
    /** Fixed addresses and other fields, one a line, besides the catalogue's contact fields. */
    static final String OTHER_RECIPIENTS = "recipients.other";
    /** The form fields that take several values. */
    static final List<String> MULTIPLE = List.of("locations", "templates", "recipients");

    /** Words for each field, used in messages instead of the contract's field paths. */
    static final Map<String, String> LABELS = labels();

    private RuleFormReader() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("key", "Key");
        labels.put("name", "Name");
        labels.put("event", "Event type");
        labels.put("toStatus", "Status changed to");
        labels.put("locations", "Locations");
        labels.put("condition", "Condition");
        labels.put("templates", "Templates");
        labels.put("recipients", "Recipients");
        labels.put("purpose", "Purpose");
        labels.put("delay", "Delay");
        labels.put("reminder.field", "Reminder time field");
        labels.put("reminder.before", "Reminder: time before");
        labels.put("reminder.daysBefore", "Reminder: days before");
        labels.put("reminder.at", "Reminder: at local time");
        labels.put("quietHours.from", "Quiet hours from");
        labels.put("quietHours.to", "Quiet hours to");
        labels.put("outcome", "Call outcome");
        labels.put("contactAttempt", "Contact attempt");
        labels.put("channel", "Preferred channel");
        labels.put("frequencyCap.max", "Frequency cap: messages");
        labels.put("frequencyCap.per", "Frequency cap: period");
        labels.put("digest.window", "Digest window");
        return Map.copyOf(labels);
    }

    /** The form field an error names: {@code templates[0]} is the templates field. */
    static String formField(String field) {
        if (field == null) {
            return null;
        }
        int bracket = field.indexOf('[');
        String base = bracket > 0 ? field.substring(0, bracket) : field;
        if (base.equals("digest")) {
            return "digest.window";
        }
        if (base.equals("reminder") || base.equals("quietHours") || base.equals("frequencyCap")) {
            return base.equals("reminder") ? "reminder.field" : base + (base.equals("quietHours") ? ".from" : ".max");
        }
        return LABELS.containsKey(base) ? base : null;
    }

    /** "Delay: must be …": the field in words, never its path. */
    static String worded(ValidationException e) {
        String field = formField(e.field());
        return (field == null ? "" : LABELS.get(field) + ": ") + e.reason();
    }

    /** What was typed, kept for the form when the save is refused (several values one a line). */
    static Map<String, String> typed(View view) {
        Map<String, String> typed = new LinkedHashMap<>();
        view.parameters().forEach((name, values) -> {
            if (!name.equals("csrf")) {
                typed.put(name, String.join("\n", values));
            }
        });
        return typed;
    }

    static NotificationRule read(View view) {
        List<String> recipients = new ArrayList<>(view.params("recipients"));
        String other = view.raw(OTHER_RECIPIENTS);
        if (other != null) {
            other.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(recipients::add);
        }
        return new NotificationRule(view.param("key"), view.param("name"), view.param("event"), view.param("toStatus"),
                nonBlank(view.params("locations")), view.param("condition"), nonBlank(view.params("templates")),
                recipients, purpose(view.param("purpose")), RuleText.delay(view.param("delay")),
                view.param("enabled") != null, reminder(view), view.param("workingHoursOnly") != null,
                quietHours(view), view.param("outcome"), whole(view.param("contactAttempt"), "contactAttempt"),
                view.param("channel"), frequencyCap(view), digest(view), view.param("replyTo"),
                view.param("unit"));
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static Purpose purpose(String text) {
        try {
            return text == null ? null : Purpose.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("purpose", "choose one of the listed purposes");
        }
    }

    private static Reminder reminder(View view) {
        String kind = view.param(REMINDER_KIND);
        if (kind == null || kind.equals("none")) {
            return null;
        }
        String field = view.param("reminder.field");
        if (field == null) {
            throw new ValidationException("reminder.field", "is required for a reminder: the time field it counts"
                    + " back from, e.g. booking.start_at");
        }
        if (kind.equals("before")) {
            Duration before = RuleText.duration(view.param("reminder.before"), "reminder.before", "PT2H or P1D");
            if (before == null) {
                throw new ValidationException("reminder.before", "is required: how long before the time, e.g. PT2H");
            }
            return new Reminder(field, before, null, null);
        }
        return new Reminder(field, null, whole(view.param("reminder.daysBefore"), "reminder.daysBefore"),
                RuleText.time(view.param("reminder.at"), "reminder.at"));
    }

    private static QuietHours quietHours(View view) {
        LocalTime from = RuleText.time(view.param("quietHours.from"), "quietHours.from");
        LocalTime to = RuleText.time(view.param("quietHours.to"), "quietHours.to");
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null) {
            throw new ValidationException(from == null ? "quietHours.from" : "quietHours.to",
                    "is required when quiet hours are set, e.g. 21:00 to 09:00");
        }
        return new QuietHours(from, to);
    }

    private static FrequencyCap frequencyCap(View view) {
        Integer max = whole(view.param("frequencyCap.max"), "frequencyCap.max");
        Duration per = RuleText.duration(view.param("frequencyCap.per"), "frequencyCap.per", "PT1H, P1D or P7D");
        if (max == null && per == null) {
            return null;
        }
        if (max == null) {
            throw new ValidationException("frequencyCap.max", "is required with a period: how many messages one"
                    + " contact may get per period");
        }
        if (per == null) {
            throw new ValidationException("frequencyCap.per", "is required with a number of messages, e.g. P1D");
        }
        return new FrequencyCap(max, per);
    }

    private static Digest digest(View view) {
        Duration window = RuleText.duration(view.param("digest.window"), "digest.window", "PT15M, PT1H or P1D");
        return window == null ? null : new Digest(window);
    }

    private static Integer whole(String text, String field) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a whole number; was '" + text + "'");
        }
    }
}
