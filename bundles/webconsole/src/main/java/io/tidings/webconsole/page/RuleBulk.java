package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.List;

import io.tidings.api.ValidationException;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleBulkOperation;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.Template;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * One change over the rules selected in the list: enable, disable, delete (confirmed by a tick),
 * change the templates or the preferred channel, copy to locations. Delete, templates, channel and
 * copies go through the rule store's bulk change (all or nothing); a copy that would match the same
 * events as its original is named in a warning.
 */
final class RuleBulk {

    static final String ENABLE = "enable";
    static final String DISABLE = "disable";

    private RuleBulk() {
    }

    /** The form the list's checkboxes belong to ({@code form='tidings-bulk'}). */
    static Html form(View view, ConsoleServices services) {
        Html templates = new Html();
        for (Template t : services.templates().templates()) {
            templates.add("<option value='{}'>{} ({})</option>", t.key(), t.key(), t.medium());
        }
        Html locations = new Html();
        for (Location l : services.locations().locations()) {
            locations.add("<option value='{}'>{}</option>", l.key(), l.name() == null ? l.key() : l.key() + " – " + l.name());
        }
        Html channels = new Html().add("<option value=''>none: route by priority</option>");
        services.channels().forEach(c -> channels.add("<option value='{}'>{}</option>", c.name(), c.name()));
        Html fields = Html.of("<fieldset><legend>Selected rules</legend><label for='bulk-action'>Change</label>"
                + "<select id='bulk-action' name='action'><option value='enable'>Enable</option>"
                + "<option value='disable'>Disable</option><option value='copyToLocations'>Copy to locations</option>"
                + "<option value='setTemplates'>Change templates</option><option value='setChannel'>Change channel"
                + "</option><option value='delete'>Delete</option></select>"
                + "<label for='bulk-locations'>Locations to copy to</label><select id='bulk-locations' name='locations'"
                + " multiple size='4'>{}</select>"
                + "<label for='bulk-templates'>New templates</label><select id='bulk-templates' name='templates' multiple"
                + " size='4'>{}</select>"
                + "<label for='bulk-channel'>New preferred channel</label><select id='bulk-channel' name='channel'>{}"
                + "</select><label class='tidings-choice'><input type='checkbox' name='confirm' value='yes'> Yes, delete"
                + " the selected rules (needed to delete)</label><p><button type='submit'>Apply to selected rules"
                + "</button></p></fieldset>", locations, templates, channels);
        return Html.of("<form method='post' action='{}' id='tidings-bulk' class='tidings-bulk' accept-charset='UTF-8'>"
                + "<input type='hidden' name='csrf' value='{}'>{}</form>", view.link("/rules/bulk"), view.csrf(), fields);
    }

    /** Applies the change; refused, nothing is changed and the field at fault is named in words. */
    static Redirect apply(View view, ConsoleServices services) {
        try {
            // a user limited to units changes only its units' rules, as over REST
            io.tidings.api.access.UnitScope scope = services.scope(view.access());
            for (String key : view.params("rules")) {
                services.rules().rule(key).filter(r -> scope.sees(r.unit())).ifPresent(r -> scope.check(r.unit()));
            }
            return change(view, services);
        } catch (ValidationException e) {
            String field = e.field() == null ? "" : e.field().replaceAll("\\[.*", "");
            String words = switch (field) {
                case "rules" -> "Selected rules: ";
                case "templates" -> "New templates: ";
                case "locations" -> "Locations to copy to: ";
                case "channel" -> "New preferred channel: ";
                case "action" -> "Change: ";
                default -> "";
            };
            return new Redirect("/rules", Flash.refused("Not changed: " + words + e.reason(), field));
        }
    }

    private static Redirect change(View view, ConsoleServices services) {
        List<String> keys = view.params("rules");
        String action = view.param("action");
        if (keys.isEmpty()) {
            throw new ValidationException("rules", "select at least one rule");
        }
        RuleService rules = services.rules();
        if (ENABLE.equals(action) || DISABLE.equals(action)) {
            List<NotificationRule> chosen = new ArrayList<>();
            for (String key : keys) {
                chosen.add(rules.rule(key).orElseThrow(() -> new ValidationException("rules", "there is no rule '"
                        + key + "'")));
            }
            chosen.forEach(rule -> rules.save(rule.withEnabled(ENABLE.equals(action))));
            return new Redirect("/rules", Flash.done((ENABLE.equals(action) ? "Enabled" : "Disabled") + " rules "
                    + String.join(", ", keys) + "."));
        }
        if (RuleBulkOperation.DELETE.equals(action) && !"yes".equals(view.param("confirm"))) {
            throw new ValidationException("confirm", "tick \"Yes, delete the selected rules\" to delete them");
        }
        List<String> templates = RuleBulkOperation.SET_TEMPLATES.equals(action) ? view.params("templates") : null;
        List<String> locations = RuleBulkOperation.COPY_TO_LOCATIONS.equals(action) ? view.params("locations") : null;
        if (locations != null && locations.isEmpty()) {
            throw new ValidationException("locations", "choose at least one location to copy to");
        }
        if (templates != null && templates.isEmpty()) {
            throw new ValidationException("templates", "choose at least one template");
        }
        List<NotificationRule> changed = services.ruleBulk().apply(new RuleBulkOperation(keys, action, templates,
                locations, view.param("channel")));
        StringBuilder message = new StringBuilder(switch (String.valueOf(action)) {
            case RuleBulkOperation.DELETE -> "Deleted rules " + String.join(", ", keys) + ".";
            case RuleBulkOperation.COPY_TO_LOCATIONS -> "Created rules "
                    + String.join(", ", changed.stream().map(NotificationRule::key).toList()) + ".";
            default -> "Changed rules " + String.join(", ", keys) + ".";
        });
        if (RuleBulkOperation.COPY_TO_LOCATIONS.equals(action)) {
            RuleOverlaps.involving(rules.rules(), changed.stream().map(NotificationRule::key).toList())
                    .forEach(o -> message.append(' ').append(o.warning()));
        }
        return new Redirect("/rules", Flash.done(message.toString()));
    }
}
