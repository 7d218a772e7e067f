package io.tidings.webconsole.page;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

import io.tidings.api.ValidationException;
import io.tidings.api.link.DynamicLinks;
import io.tidings.api.link.EngagementSummary;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * Notification rules: the list with a text filter, what each sent lately and the rules that would
 * both match one event; one rule's form (see {@link RuleForm}); a confirmed delete. Changes are
 * posts; a viewer sees the list without forms.
 */
final class RulePages {

    /** The window of the sends shown per rule. */
    static final int ENGAGEMENT_DAYS = 30;

    private final ConsoleServices services;
    private final RuleForm form;

    RulePages(ConsoleServices services) {
        this.services = services;
        this.form = new RuleForm(services);
    }

    Html list(View view) {
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        List<NotificationRule> all = services.rules().rules().stream().filter(r -> scope.sees(r.unit())).toList();
        Html html = new Html();
        if (view.editor()) {
            html.add("<p><a class='tidings-button' href='{}'>New rule</a> <a class='tidings-button' href='{}'>Try an"
                    + " event</a></p>", view.link("/rule/edit"), view.link("/rules/try"));
        }
        for (RuleOverlaps.Overlap overlap : RuleOverlaps.among(all)) {
            html.add("<p class='tidings-warning' role='status'>{}</p>", overlap.warning());
        }
        String filter = view.param("q");
        html.add("<form method='get' action='{}' class='tidings-search'><label>Filter <input type='search' name='q'"
                + " value='{}' placeholder='event, template, location…'></label> <button type='submit'>Filter"
                + "</button></form>", view.link("/rules"), filter);
        List<NotificationRule> shown = all.stream().filter(rule -> matches(rule, filter)).toList();
        if (shown.isEmpty()) {
            return html.add("<p>{}</p>", all.isEmpty() ? "No rule yet." : "No rule matches the filter.");
        }
        html.add(table(view, shown));
        return view.editor() ? html.add(RuleBulk.form(view, services)) : html;
    }

    private Html table(View view, List<NotificationRule> rules) {
        DynamicLinks links = services.links();
        Instant since = Instant.now().minus(ENGAGEMENT_DAYS, ChronoUnit.DAYS);
        Map<String, Long> sent = sentByRule(since);
        Html html = Html.of("<table class='nicetable tidings-rules'><thead><tr>{}<th>Key</th><th>Name</th>"
                + "<th>Event</th><th>Status</th><th>Locations</th><th>Templates</th><th>Purpose</th><th>Delay</th>"
                + "<th>Frequency cap</th><th>Digest window</th><th>Unit</th><th>Enabled</th><th title='messages sent in every medium in the last {} days'>"
                + "Sent, last {} days</th>"
                + "<th title='emails sent in the last {} days; of those opened and clicked (tracked emails only)'>"
                + "Emails, last {} days</th>{}</tr></thead><tbody>", Html.of(view.editor() ? "<th>Select</th>" : ""),
                ENGAGEMENT_DAYS, ENGAGEMENT_DAYS, ENGAGEMENT_DAYS, ENGAGEMENT_DAYS, Html.of(view.editor() ? "<th>Actions</th>" : ""));
        for (NotificationRule rule : rules) {
            Html templates = new Html();
            for (String key : rule.templates()) {
                templates.add("<a href='{}'>{}</a> ", view.link("/template", "key", key), key);
            }
            html.add("<tr data-rule='{}'>", rule.key());
            if (view.editor()) {
                html.add("<td><input type='checkbox' name='rules' value='{}' form='tidings-bulk'"
                        + " aria-label='Select rule {}'></td>", rule.key(), rule.key());
            }
            html.add("<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td>{}</td><td class='tidings-digest'>{}</td><td class='tidings-unit'>{}</td><td class='tidings-enabled'>{}</td><td class='tidings-sent-all'>{}</td>"
                    + "<td class='tidings-sent'>{}</td>", rule.key(), rule.name(), trigger(rule),
                    rule.toStatus() == null ? "any" : rule.toStatus(),
                    rule.locations().isEmpty() ? "all" : String.join(", ", rule.locations()), templates,
                    rule.purpose(), rule.delay() == null ? "none" : rule.delay(),
                    rule.frequencyCap() == null ? "purpose default" : rule.frequencyCap().max() + " per "
                            + rule.frequencyCap().period(),
                    rule.digest() == null ? "none" : rule.digest().window(), rule.unit() == null ? "-" : rule.unit(),
                    rule.enabled() ? "yes" : "no", sent == null ? "-" : sent.getOrDefault(rule.key(), 0L), links == null ? "-" : engagement(links.engagement(rule.key(), since)));
            if (view.editor()) {
                html.add("<td>{} <a href='{}'>Edit</a> <a href='{}'>Copy</a> <a href='{}'>Delete</a></td>",
                        view.postForm("/rule/enabled", "tidings-inline", Html.of(
                                "<input type='hidden' name='key' value='{}'><input type='hidden' name='enabled' value='{}'>"
                                        + "<button type='submit'>{}</button>",
                                rule.key(), !rule.enabled(), rule.enabled() ? "Disable" : "Enable")),
                        view.link("/rule/edit", "key", rule.key()), view.link("/rule/edit", "copy", rule.key()),
                        view.link("/rule/delete", "key", rule.key()));
            }
            html.add("</tr>");
        }
        return html.add("</tbody></table>");
    }

    /** Sends by rule from the record; null while the engine is not there (the column then says so). */
    private Map<String, Long> sentByRule(Instant since) {
        try {
            return services.notifications().sentByRule(since);
        } catch (ConsoleServices.Unavailable e) {
            return null;
        }
    }

    private static boolean matches(NotificationRule rule, String filter) {
        if (filter == null) {
            return true;
        }
        String text = filter.toLowerCase(Locale.ROOT);
        return Stream.of(Stream.of(rule.key(), rule.name(), rule.event(), rule.toStatus(), rule.condition(),
                rule.purpose().name(), rule.channel()), rule.templates().stream(), rule.locations().stream())
                .flatMap(s -> s).anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(text));
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
        if (rule.reminder() != null) {
            trigger.append(" (reminder before ").append(rule.reminder().field()).append(')');
        }
        if (rule.condition() != null) {
            trigger.append(" if ").append(rule.condition());
        }
        return trigger.toString();
    }

    Html edit(View view) {
        return form.render(view);
    }

    /** Creates or changes a rule; refused, the form comes back as typed with the error at its field. */
    Redirect save(View view) {
        String original = view.param("original");
        String back = original == null ? "/rule/edit" : Html.link("/rule/edit", "key", original);
        try {
            NotificationRule rule = RuleFormReader.read(view);
            RuleService rules = services.rules();
            if (original == null && rule.key() != null && rules.rule(rule.key()).isPresent()) {
                throw new ValidationException("key", "a rule '" + rule.key() + "' exists already: choose another key"
                        + " or edit that rule");
            }
            if (original != null && !original.equals(rule.key())) {
                throw new ValidationException("key", "cannot change: copy the rule to give it another key");
            }
            if (original != null) {
                services.scope(view.access()).check(visible(view, original).unit());
            }
            rule = rule.withUnit(services.assignUnit(view.access(), rule.unit()));
            NotificationRule saved = rules.save(rule);
            StringBuilder message = new StringBuilder((original == null ? "Created" : "Saved") + " rule "
                    + saved.key() + ".");
            RuleOverlaps.involving(rules.rules(), List.of(saved.key()))
                    .forEach(o -> message.append(' ').append(o.warning()));
            return new Redirect("/rules", Flash.done(message.toString()));
        } catch (ValidationException e) {
            return new Redirect(back, Flash.refused("Not saved: " + RuleFormReader.worded(e),
                    RuleFormReader.formField(e.field()), RuleFormReader.typed(view)));
        } catch (io.tidings.api.access.UnitAccessException e) {
            return new Redirect(back, Flash.refused("Not saved: Unit: " + e.getMessage(), "unit",
                    RuleFormReader.typed(view)));
        }
    }

    /** {@code /rule/delete?key=}: asks before deleting. */
    Html confirmDelete(View view) {
        String key = view.param("key");
        NotificationRule rule = visible(view, key);
        if (!view.editor()) {
            return Html.of("<p class='tidings-error'>Deleting rules needs the role tidings-editor.</p>");
        }
        return Html.of("<h2>Delete rule {}?</h2><p>{} ({}) stops sending; messages already planned keep their"
                + " course. This cannot be undone.</p>{}<p><a href='{}'>Keep it</a></p>", rule.key(), rule.name(),
                trigger(rule), view.postForm("/rule/delete", "tidings-delete", Html.of("<input type='hidden'"
                        + " name='key' value='{}'><button type='submit'>Delete rule</button>", rule.key())),
                view.link("/rules"));
    }

    /** The rule, if the user may see it: another unit's is "no rule", as an unknown one is. */
    private NotificationRule visible(View view, String key) {
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        return services.rules().rule(key == null ? "" : key).filter(r -> scope.sees(r.unit()))
                .orElseThrow(() -> new ValidationException("key", "there is no rule '" + key + "'"));
    }

    Redirect delete(View view) {
        String key = view.param("key");
        services.scope(view.access()).check(visible(view, key).unit());
        if (key == null || !services.rules().delete(key)) {
            throw new ValidationException("key", "there is no rule '" + key + "'");
        }
        return new Redirect("/rules", Flash.done("Deleted rule " + key + "."));
    }

    Redirect setEnabled(View view) {
        String key = view.param("key");
        String enabled = view.param("enabled");
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            throw new ValidationException("enabled", "must be true or false, was '" + enabled + "'");
        }
        RuleService rules = services.rules();
        NotificationRule rule = visible(view, key);
        services.scope(view.access()).check(rule.unit());
        NotificationRule saved = rules.save(rule.withEnabled(Boolean.parseBoolean(enabled)));
        return new Redirect("/rules", Flash.done("Rule " + saved.key() + " is " + (saved.enabled() ? "enabled" : "disabled")
                + "."));
    }

    /**
     * {@code /rule/check.json}: the form as typed checked by the rule engine, storing nothing. A key
     * or templates not chosen yet are stood in for, so that the field being typed is checked.
     *
     * @return {@code {"field":…,"error":…}} in words, or {@code {"field":null,"error":null}}
     */
    String check(View view) {
        try {
            NotificationRule rule = RuleFormReader.read(view);
            if (rule.key() == null) {
                rule = rule.withKey("check");
            }
            if (rule.templates().isEmpty()) {
                rule = rule.withTemplates(List.of("check"));
            }
            services.ruleEngine().validate(rule);
            return "{\"field\":null,\"error\":null}";
        } catch (ValidationException e) {
            return "{\"field\":" + Json.string(RuleFormReader.formField(e.field())) + ",\"error\":"
                    + Json.string(e.reason()) + "}";
        }
    }
}
