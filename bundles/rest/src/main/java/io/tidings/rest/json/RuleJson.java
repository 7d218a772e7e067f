package io.tidings.rest.json;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.QuietHours;
import io.tidings.api.rule.Reminder;
import io.tidings.api.rule.RuleBulkOperation;
import io.tidings.api.rule.RulePlan;
import io.tidings.api.rule.RuleText;

/**
 * {@code {"key","name","event","toStatus","locations","condition","templates","recipients","purpose","delay","enabled",
 * "reminder":{"field","before"|"daysBefore","at"},"workingHoursOnly","quietHours":{"from","to"},"outcome","contactAttempt",
 * "channel","frequencyCap":{"max","per"},"digest":{"window"},"replyTo","unit"}};
 * also the bulk operation and the explain answer.
 */
public final class RuleJson {

    private RuleJson() {
    }

    public static NotificationRule read(JsonNode body) {
        Fields f = Fields.root(body).only("key", "name", "event", "toStatus", "locations", "condition", "templates",
                "recipients", "purpose", "delay", "enabled", "reminder", "workingHoursOnly", "quietHours", "outcome",
                "contactAttempt", "channel", "frequencyCap", "digest", "replyTo", "unit");
        Boolean enabled = f.bool("enabled");
        Boolean workingHoursOnly = f.bool("workingHoursOnly");
        return new NotificationRule(f.text("key"), f.text("name"), f.text("event"), f.text("toStatus"),
                f.texts("locations"), f.text("condition"), f.texts("templates"), f.texts("recipients"),
                f.enumValue("purpose", Purpose.class), RuleText.delay(f.text("delay")), enabled == null || enabled,
                reminder(f.object("reminder")), workingHoursOnly != null && workingHoursOnly,
                quietHours(f.object("quietHours")), f.text("outcome"), f.integer("contactAttempt"), f.text("channel"),
                frequencyCap(f.object("frequencyCap")), digest(f.object("digest")),
                TemplateJson.blankToNull(f.text("replyTo")), TemplateJson.blankToNull(f.text("unit")));
    }

    /** {@code {"window": "PT1H"}}. */
    private static io.tidings.api.rule.Digest digest(Fields f) {
        if (f == null) {
            return null;
        }
        f.only("window");
        Duration window = RuleText.duration(f.requiredText("window"), f.name("window"), "PT15M, PT1H or P1D");
        try {
            return new io.tidings.api.rule.Digest(window);
        } catch (ValidationException e) {
            throw new ValidationException(f.name("window"), e.reason());
        }
    }

    /** {@code {"max": 2, "per": "P1D"}}. */
    private static io.tidings.api.rule.FrequencyCap frequencyCap(Fields f) {
        if (f == null) {
            return null;
        }
        f.only("max", "per");
        Integer max = f.integer("max");
        if (max == null) {
            throw new ValidationException(f.name("max"), "is required: how many messages one contact may get per period");
        }
        Duration period = RuleText.duration(f.requiredText("per"), f.name("per"), "PT1H, P1D or P7D");
        return new io.tidings.api.rule.FrequencyCap(max, period);
    }

    private static Reminder reminder(Fields f) {
        if (f == null) {
            return null;
        }
        f.only("field", "before", "daysBefore", "at");
        Duration offset = RuleText.duration(f.text("before"), f.name("before"), "PT2H or P1D");
        return new Reminder(f.requiredText("field"), offset, f.integer("daysBefore"), time(f, "at"));
    }

    private static QuietHours quietHours(Fields f) {
        if (f == null) {
            return null;
        }
        f.only("from", "to");
        LocalTime from = time(f, "from");
        LocalTime to = time(f, "to");
        if (from == null || to == null) {
            throw new ValidationException(f.name(from == null ? "from" : "to"), "is required, e.g. 21:00");
        }
        return new QuietHours(from, to);
    }

    private static LocalTime time(Fields f, String member) {
        return RuleText.time(f.text(member), f.name(member));
    }

    /** {@code {"rules":[keys],"action":"delete"|"setTemplates"|"setChannel"|"copyToLocations","templates":[…],"locations":[…],"channel"}}. */
    public static RuleBulkOperation readBulk(JsonNode body) {
        Fields f = Fields.root(body).only("rules", "action", "templates", "locations", "channel");
        List<String> rules = f.texts("rules");
        if (rules == null) {
            throw new ValidationException("rules", "is required: the keys of the rules to change");
        }
        return new RuleBulkOperation(rules, f.requiredText("action"), f.texts("templates"), f.texts("locations"),
                f.text("channel"));
    }

    /** {@code [{"rule","matched","reason","messages":[{"template","medium","recipient","language","notBefore","suppressed","deadline"}]}]}. */
    public static ArrayNode writePlans(List<RulePlan> plans) {
        ArrayNode array = JsonCodec.array();
        for (RulePlan plan : plans) {
            ObjectNode json = array.addObject();
            json.put("rule", plan.ruleKey());
            json.put("matched", plan.matched());
            json.put("reason", plan.reason());
            ArrayNode messages = json.putArray("messages");
            for (PlannedMessage m : plan.messages()) {
                ObjectNode message = messages.addObject();
                message.put("template", m.templateKey());
                message.put("medium", m.medium() == null ? null : m.medium().name());
                message.put("recipient", m.recipient());
                message.put("language", m.language());
                message.put("notBefore", m.notBefore() == null ? null : m.notBefore().toString());
                message.put("suppressed", m.suppressedReason());
                message.put("deadline", m.deadline() == null ? null : m.deadline().toString());
            }
        }
        return array;
    }

    public static ObjectNode write(NotificationRule rule) {
        ObjectNode json = JsonCodec.object();
        json.put("key", rule.key());
        json.put("name", rule.name());
        json.put("event", rule.event());
        json.put("toStatus", rule.toStatus());
        strings(json.putArray("locations"), rule.locations());
        json.put("condition", rule.condition());
        strings(json.putArray("templates"), rule.templates());
        strings(json.putArray("recipients"), rule.recipients());
        json.put("purpose", rule.purpose() == null ? null : rule.purpose().name());
        json.put("delay", rule.delay() == null ? null : rule.delay().toString());
        json.put("enabled", rule.enabled());
        Reminder reminder = rule.reminder();
        if (reminder != null) {
            ObjectNode r = json.putObject("reminder");
            r.put("field", reminder.field());
            if (reminder.isOffset()) {
                r.put("before", reminder.before().toString());
            } else {
                r.put("daysBefore", reminder.daysBefore());
                r.put("at", reminder.at().toString());
            }
        } else {
            json.putNull("reminder");
        }
        json.put("workingHoursOnly", rule.workingHoursOnly());
        if (rule.quietHours() != null) {
            json.putObject("quietHours").put("from", rule.quietHours().from().toString())
                    .put("to", rule.quietHours().to().toString());
        } else {
            json.putNull("quietHours");
        }
        json.put("outcome", rule.outcome());
        json.put("contactAttempt", rule.contactAttempt());
        json.put("channel", rule.channel());
        if (rule.frequencyCap() != null) {
            json.putObject("frequencyCap").put("max", rule.frequencyCap().max())
                    .put("per", rule.frequencyCap().period());
        } else {
            json.putNull("frequencyCap");
        }
        if (rule.digest() != null) {
            json.putObject("digest").put("window", rule.digest().window().toString());
        } else {
            json.putNull("digest");
        }
        json.put("replyTo", rule.replyTo());
        json.put("unit", rule.unit());
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
