package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.Purpose;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.Reminder;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.tag.FieldType;
import io.tidings.api.template.Template;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * The form that creates, edits and copies a rule: every field of the REST contract, with choices
 * from the locations, templates, channels and the tag catalogue. A refused save shows the form again
 * as typed, the error next to its field. {@code rules.js} adds the field picker and checks the rule
 * while the administrator types (through {@code rule/check.json}, a GET that stores nothing).
 */
final class RuleForm {

    private final ConsoleServices services;

    RuleForm(ConsoleServices services) {
        this.services = services;
    }

    /** {@code /rule/edit?key=} edits, {@code ?copy=} starts from a copy, neither starts a new rule. */
    Html render(View view) {
        Flash flash = view.flash();
        String key = view.param("key");
        String copy = view.param("copy");
        Map<String, List<String>> values;
        if (flash != null && flash.error() && !flash.values().isEmpty()) {
            values = typed(flash.values());
        } else if (key != null || copy != null) {
            String source = key != null ? key : copy;
            io.tidings.api.access.UnitScope scope = services.scope(view.access());
            NotificationRule rule = services.rules().rule(source).filter(r -> scope.sees(r.unit())).orElseThrow(
                    () -> new io.tidings.api.ValidationException("key", "there is no rule '" + source + "'"));
            values = values(rule);
            if (copy != null) {
                values.put("key", List.of(copy + "-copy"));
                values.put("name", List.of(rule.name() == null ? copy + " (copy)" : rule.name() + " (copy)"));
            }
        } else {
            values = new LinkedHashMap<>();
            values.put("enabled", List.of("on"));
        }
        boolean editing = key != null || (values.containsKey("original") && copy == null);
        String title = editing ? "Edit rule " + first(values, "key") : copy != null ? "Copy of rule " + copy : "New rule";
        if (!view.editor()) {
            return Html.of("<h2>{}</h2><p class='tidings-error'>Changing rules needs the role tidings-editor.</p>",
                    title);
        }
        Map<String, String> recipients = recipientChoices();
        if (!values.containsKey(RuleFormReader.OTHER_RECIPIENTS)) {
            // a stored rule's fixed addresses and fields the catalogue does not offer go to the text area
            List<String> chosen = values.getOrDefault("recipients", List.of());
            values.put("recipients", chosen.stream().filter(recipients::containsKey).toList());
            values.put(RuleFormReader.OTHER_RECIPIENTS, List.of(String.join("\n",
                    chosen.stream().filter(r -> !recipients.containsKey(r)).toList())));
        }
        Fields f = Fields.of(values, flash);
        Html form = new Html();
        if (editing) {
            form.add("<input type='hidden' name='original' value='{}'>", first(values, "key"));
        }
        form.add("<fieldset><legend>Rule</legend>{}{}{}</fieldset>",
                f.text("key", "Key", "order-ready-sms", editing ? "readonly" : "required"),
                f.text("name", "Name", "Order ready (SMS)", ""),
                f.checkbox("enabled", "Enabled"));
        form.add("<fieldset><legend>Trigger</legend>{}{}{}{}{}</fieldset>",
                f.text("event", "Event type", "order.status_changed", "required"),
                f.text("toStatus", "Status changed to", "ready", ""),
                f.text("outcome", "Call outcome", "No answer", ""),
                f.text("contactAttempt", "Contact attempt", "2", "inputmode='numeric'"),
                reminder(f, timeFields()));
        form.add("<fieldset><legend>Where and when</legend>{}{}{}{}{}{}{}</fieldset>",
                f.select("locations", "Locations (none chosen: every location)", locationChoices(), true),
                condition(f),
                f.text("delay", "Delay (ISO-8601, e.g. PT1H)", "PT1H", ""),
                f.checkbox("workingHoursOnly", "Only within the location's working hours"),
                Html.of("<div class='tidings-pair'>{}{}</div>",
                        f.text("quietHours.from", "Quiet hours from", "21:00", "type='time'"),
                        f.text("quietHours.to", "Quiet hours to", "09:00", "type='time'")),
                Html.of("<div class='tidings-pair'>{}{}</div>",
                        f.text("frequencyCap.max", "Frequency cap: at most this many messages", "2", "inputmode='numeric'"),
                        f.text("frequencyCap.per", "per period (ISO-8601, e.g. P1D)", "P1D", "")),
                f.text("digest.window", "Digest window: gather a contact's messages of this rule into one"
                        + " (ISO-8601, e.g. PT1H; empty: none)", "PT1H", ""));
        form.add("<fieldset><legend>What and to whom</legend>{}{}{}{}{}{}{}{}</fieldset>",
                f.select("templates", "Templates", templateChoices(), true),
                f.select("recipients", "Recipients", recipients, true),
                f.area("recipients.other", "Other recipients: fixed addresses or fields, one a line", 2),
                f.select("purpose", "Purpose", purposeChoices(), false),
                f.select("channel", "Preferred channel", channelChoices(), false),
                f.text("replyTo", "Reply-To of its email (empty: the template's)", "support@example.com", ""),
                f.text("unit", "Unit: it applies to events of this unit and the units below (empty: head office,"
                        + " every event; or your single unit)", "shop-1", "list='tidings-unit-keys'"),
                UnitPages.unitList(services));
        form.add("<p><button type='submit'>{}</button> <a href='{}'>Back to the rules</a></p>",
                editing ? "Save rule" : "Create rule", view.link("/rules"));
        return Html.of("<h2>{}</h2>{}<script src='{}'></script>", title,
                view.postForm("/rule/save", "tidings-rule-form", form), view.root() + "/res/rules.js");
    }

    private Html condition(Fields f) {
        Html picker = new Html().add("<option value=''>Insert a field…</option>");
        for (EntityDescriptor entity : entities()) {
            for (FieldDescriptor field : entity.fields()) {
                picker.add("<option value='{}.{}'>{}.{} ({}){}</option>", entity.entity(), field.name(), entity.entity(),
                        field.name(), field.type(), field.description() == null ? "" : " – " + field.description());
            }
        }
        return Html.of("{}<label>Field picker <select id='condition-fields' aria-controls='field-condition'>{}</select>"
                + "</label>", f.area("condition", "Condition (e.g. order.total > 100)", 2), picker);
    }

    private static Html reminder(Fields f, List<String> timeFields) {
        String kind = f.value("reminder.kind") == null ? "none" : f.value("reminder.kind");
        Html kinds = new Html();
        for (String[] choice : new String[][] {{"none", "No reminder"}, {"before", "A time before the field"},
            {"at", "At a local time days before (13:00 the day before)"}}) {
            kinds.add("<label class='tidings-choice'><input type='radio' name='reminder.kind' value='{}' {}> {}</label>",
                    choice[0], Html.of(choice[0].equals(kind) ? "checked" : ""), choice[1]);
        }
        Html list = new Html().add("<datalist id='time-fields'>");
        timeFields.forEach(field -> list.add("<option value='{}'>", field));
        list.add("</datalist>");
        // rules.js shows only the fields of the chosen kind; without it every field shows
        return Html.of("<div class='tidings-reminder'><p>Reminder</p>{}<div data-reminder='before at'>{}{}</div>"
                + "<div data-reminder='before'>{}</div><div data-reminder='at'>{}{}</div></div>", kinds,
                f.text("reminder.field", "Time field", "booking.start_at", "list='time-fields'"), list,
                f.text("reminder.before", "Time before (ISO-8601, e.g. PT2H)", "PT2H", ""),
                f.text("reminder.daysBefore", "Days before", "1", "inputmode='numeric'"),
                f.text("reminder.at", "At local time", "13:00", "type='time'"));
    }

    /** The DATE and DATE_TIME fields of the catalogue: what a reminder counts back from. */
    private List<String> timeFields() {
        List<String> fields = new ArrayList<>();
        for (EntityDescriptor entity : entities()) {
            for (FieldDescriptor field : entity.fields()) {
                if (field.type() == FieldType.DATE_TIME || field.type() == FieldType.DATE) {
                    fields.add(entity.entity() + "." + field.name());
                }
            }
        }
        return fields;
    }

    private Map<String, String> locationChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Location location : services.locations().locations()) {
            choices.put(location.key(), location.key() + (location.name() == null ? "" : " – " + location.name()));
        }
        return choices;
    }

    private Map<String, String> templateChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Template t : services.templates().templates()) {
            choices.put(t.key(), t.key() + " – " + t.name() + " (" + t.medium() + ")");
        }
        return choices;
    }

    /** The contact, and the catalogue's fields that hold an email address or a phone number. */
    private Map<String, String> recipientChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("contact_information", "the contact (email or phone for the template's medium)");
        for (EntityDescriptor entity : entities()) {
            if (entity.entity().equals("contact_information")) {
                continue;
            }
            for (FieldDescriptor field : entity.fields()) {
                if (field.name().matches(".*(email|phone|mobile).*")) {
                    String path = entity.entity() + "." + field.name();
                    choices.put(path, path + (field.description() == null ? "" : " – " + field.description()));
                }
            }
        }
        return choices;
    }

    private static Map<String, String> purposeChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.values()) {
            choices.put(purpose.name(), purpose.name());
        }
        return choices;
    }

    private Map<String, String> channelChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("", "none: route by priority");
        services.channels().forEach(c -> choices.put(c.name(), c.name() + " (" + String.join(", ", c.media()) + ")"));
        return choices;
    }

    /** A stored rule as form values. */
    static Map<String, List<String>> values(NotificationRule rule) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        put(v, "key", rule.key());
        put(v, "name", rule.name());
        put(v, "event", rule.event());
        put(v, "toStatus", rule.toStatus());
        v.put("locations", rule.locations());
        put(v, "condition", rule.condition());
        v.put("templates", rule.templates());
        v.put("recipients", rule.recipients());
        put(v, "purpose", rule.purpose().name());
        put(v, "delay", rule.delay());
        put(v, "enabled", rule.enabled() ? "on" : null);
        Reminder reminder = rule.reminder();
        if (reminder != null) {
            put(v, "reminder.kind", reminder.isOffset() ? "before" : "at");
            put(v, "reminder.field", reminder.field());
            put(v, "reminder.before", reminder.before());
            put(v, "reminder.daysBefore", reminder.isOffset() ? null : reminder.daysBefore());
            put(v, "reminder.at", reminder.isOffset() ? null : reminder.at());
        }
        put(v, "workingHoursOnly", rule.workingHoursOnly() ? "on" : null);
        if (rule.quietHours() != null) {
            put(v, "quietHours.from", rule.quietHours().from());
            put(v, "quietHours.to", rule.quietHours().to());
        }
        put(v, "outcome", rule.outcome());
        put(v, "contactAttempt", rule.contactAttempt());
        put(v, "channel", rule.channel());
        put(v, "replyTo", rule.replyTo());
        put(v, "unit", rule.unit());
        if (rule.frequencyCap() != null) {
            put(v, "frequencyCap.max", rule.frequencyCap().max());
            put(v, "frequencyCap.per", rule.frequencyCap().period());
        }
        if (rule.digest() != null) {
            put(v, "digest.window", rule.digest().window());
        }
        return v;
    }

    private static void put(Map<String, List<String>> values, String name, Object value) {
        if (value != null) {
            values.put(name, List.of(value.toString()));
        }
    }

    private static Map<String, List<String>> typed(Map<String, String> flashed) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        flashed.forEach((name, value) -> values.put(name, RuleFormReader.MULTIPLE.contains(name)
                ? value.lines().toList() : List.of(value)));
        return values;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** The tag catalogue's entities; none while no template engine publishes it (the form still works). */
    private List<EntityDescriptor> entities() {
        try {
            return services.tags().entities();
        } catch (ConsoleServices.Unavailable e) {
            return List.of();
        }
    }
}
