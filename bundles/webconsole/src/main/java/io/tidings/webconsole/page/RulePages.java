package io.tidings.webconsole.page;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.tidings.api.ValidationException;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.link.EngagementSummary;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/** Notification rules with what triggers them and what they send; switched on and off by a post. */
final class RulePages {

    /** The window of the engagement numbers. */
    static final int ENGAGEMENT_DAYS = 30;

    private final ConsoleServices services;

    RulePages(ConsoleServices services) {
        this.services = services;
    }

    Html list(View view) {
        var rules = services.rules().rules();
        if (rules.isEmpty()) {
            return Html.of("<p>No rule yet: create one with PUT /tidings/api/v1/rules/{key}.</p>");
        }
        DynamicLinks links = services.links();
        Instant since = Instant.now().minus(ENGAGEMENT_DAYS, ChronoUnit.DAYS);
        Html html = new Html().add("<table class='nicetable tidings-rules'><thead><tr><th>Key</th><th>Name</th>"
                + "<th>Event</th><th>Templates</th><th>Purpose</th><th>Enabled</th><th></th>"
                + "<th title='emails sent in the last {} days; of those opened and clicked (tracked emails only)'>"
                + "Emails, last {} days</th></tr></thead><tbody>", ENGAGEMENT_DAYS, ENGAGEMENT_DAYS);
        for (NotificationRule rule : rules) {
            Html templates = new Html();
            for (String key : rule.templates()) {
                templates.add("<a href='{}'>{}</a> ", view.link("/template", "key", key), key);
            }
            Html toggle = view.postForm("/rule/enabled", "tidings-inline", Html.of(
                    "<input type='hidden' name='key' value='{}'><input type='hidden' name='enabled' value='{}'>"
                            + "<button type='submit'>{}</button>",
                    rule.key(), !rule.enabled(), rule.enabled() ? "Disable" : "Enable"));
            html.add("<tr data-rule='{}'><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td>{}</td><td>{}</td></tr>", rule.key(), rule.key(), rule.name(), trigger(rule), templates,
                    rule.purpose(), rule.enabled() ? "yes" : "no", toggle,
                    links == null ? "-" : engagement(links.engagement(rule.key(), since)));
        }
        return html.add("</tbody></table>");
    }

    /** "12 sent, 50% opened, 17% clicked", as a dashboard words it. */
    static String engagement(EngagementSummary summary) {
        if (summary.sent() == 0) {
            return "none sent";
        }
        return summary.sent() + " sent, " + percent(summary.opened(), summary.sent()) + " opened, "
                + percent(summary.clicked(), summary.sent()) + " clicked";
    }

    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }

    private static String trigger(NotificationRule rule) {
        StringBuilder trigger = new StringBuilder(rule.event() == null ? "" : rule.event());
        if (rule.toStatus() != null) {
            trigger.append(" → ").append(rule.toStatus());
        }
        if (rule.reminder() != null) {
            trigger.append(" (reminder)");
        }
        if (!rule.locations().isEmpty()) {
            trigger.append(" at ").append(String.join(", ", rule.locations()));
        }
        return trigger.toString();
    }

    Redirect setEnabled(View view) {
        String key = view.param("key");
        String enabled = view.param("enabled");
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            throw new ValidationException("enabled", "must be true or false, was '" + enabled + "'");
        }
        RuleService rules = services.rules();
        NotificationRule rule = rules.rule(key == null ? "" : key)
                .orElseThrow(() -> new ValidationException("key", "no rule '" + key + "'"));
        NotificationRule saved = rules.save(rule.withEnabled(Boolean.parseBoolean(enabled)));
        return new Redirect("/rules", Flash.done("Rule " + saved.key() + " is " + (saved.enabled() ? "enabled" : "disabled")
                + "."));
    }
}
