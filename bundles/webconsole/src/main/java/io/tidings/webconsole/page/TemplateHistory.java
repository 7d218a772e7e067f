package io.tidings.webconsole.page;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateService;
import io.tidings.api.template.TemplateVersion;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * A template's versions, a line diff of one against the current version, rolling back to one (its
 * text saved again as a new version) and deleting the template, refused while rules use it.
 */
final class TemplateHistory {

    private final ConsoleServices services;

    TemplateHistory(ConsoleServices services) {
        this.services = services;
    }

    /** The versions, and with {@code version} the diff of that version against the current one. */
    Html history(View view) {
        TemplateService templates = services.templates();
        Template current = current(view, templates, view.param("key"));
        Html html = Html.of("<h2>History of template {} <small>current version {}</small></h2>"
                + "<p><a href='{}'>Back to the template</a></p><table class='nicetable tidings-versions'><thead><tr>"
                + "<th>Version</th><th>Name</th><th>Saved by</th><th>Saved</th><th></th></tr></thead><tbody>",
                current.key(), current.version(), view.link("/template", "key", current.key()));
        List<TemplateVersion> versions = new java.util.ArrayList<>(templates.versions(current.key()));
        java.util.Collections.reverse(versions);
        for (TemplateVersion v : versions) {
            int n = v.version();
            Html compare = n == current.version() ? Html.of("current")
                    : Html.of("<a href='{}'>Compare with the current version</a>",
                            view.link("/template/history", "key", current.key(), "version", String.valueOf(n)));
            html.add("<tr data-version='{}'><td>{}</td><td>{}</td><td class='tidings-saved-by'>{}</td>"
                    + "<td class='tidings-saved-at'>{}</td><td>{}</td></tr>", n, n, v.name(),
                    v.savedBy() == null ? "not recorded" : v.savedBy(),
                    v.savedAt() == null ? "" : Times.local(v.savedAt()), compare);
        }
        html.add("</tbody></table>");
        if (view.param("version") == null) {
            return html;
        }
        Template old = version(templates, current.key(), view.param("version"));
        html.add("<h3>Version {} against the current version {}</h3><p class='tidings-hint'>Lines marked − are in "
                + "version {} only, lines marked + in the current version only.</p>{}", old.version(),
                current.version(), old.version(), diff(old, current));
        if (old.version() != current.version() && view.may("/template/rollback")) {
            html.add("<p><a class='tidings-button' href='{}'>Roll back to this version</a></p>",
                    view.link("/template/rollback", "key", current.key(), "version", String.valueOf(old.version())));
        }
        return html;
    }

    /** Each language and field that differs, as lines kept, removed and added. */
    static Html diff(Template old, Template current) {
        Html html = new Html();
        if (!String.valueOf(old.name()).equals(String.valueOf(current.name()))) {
            html.add(field("Name", LineDiff.diff(old.name(), current.name())));
        }
        Set<String> languages = new LinkedHashSet<>(current.contents().keySet());
        languages.addAll(old.contents().keySet());
        boolean any = !html.toString().isEmpty();
        for (String language : languages) {
            TemplateContent a = old.contents().get(language);
            TemplateContent b = current.contents().get(language);
            for (Field f : Field.values()) {
                List<LineDiff.Line> lines = LineDiff.diff(a == null ? null : f.of.apply(a),
                        b == null ? null : f.of.apply(b));
                if (LineDiff.changes(lines)) {
                    html.add(field(language + " · " + f.label, lines));
                    any = true;
                }
            }
        }
        return any ? html : Html.of("<p>No difference in the name or the contents.</p>");
    }

    private enum Field {
        SUBJECT("subject", TemplateContent::subject), HTML("HTML", TemplateContent::html),
        TEXT("text", TemplateContent::text);

        private final String label;
        private final Function<TemplateContent, String> of;

        Field(String label, Function<TemplateContent, String> of) {
            this.label = label;
            this.of = of;
        }
    }

    private static Html field(String title, List<LineDiff.Line> lines) {
        Html html = Html.of("<h4>{}</h4><pre class='tidings-diff'>", title);
        for (LineDiff.Line line : lines) {
            switch (line.kind()) {
                case ADDED -> html.add("<ins class='tidings-added'>+ {}</ins>\n", line.text());
                case REMOVED -> html.add("<del class='tidings-removed'>− {}</del>\n", line.text());
                default -> html.add("  {}\n", line.text());
            }
        }
        return html.add("</pre>");
    }

    Html confirmRollback(View view) {
        TemplateService templates = services.templates();
        Template current = current(view, templates, view.param("key"));
        Template old = version(templates, current.key(), view.param("version"));
        return Html.of("<h2>Roll back template {} to version {}?</h2><p>The text of version {} is saved again as "
                + "version {}; version {} stays in the history.</p>{}<p><a href='{}'>Keep the current version</a></p>",
                current.key(), old.version(), old.version(), current.version() + 1, current.version(),
                view.postForm("/template/rollback", "tidings-rollback", Html.of("<input type='hidden' name='key' "
                        + "value='{}'><input type='hidden' name='version' value='{}'><button type='submit'>"
                        + "Roll back to version {}</button>", current.key(), old.version(), old.version())),
                view.link("/template/history", "key", current.key(), "version", String.valueOf(old.version())));
    }

    Redirect rollback(View view) {
        TemplateService templates = services.templates();
        Template current = current(view, templates, view.param("key"));
        Template old = version(templates, current.key(), view.param("version"));
        services.scope(view.access()).check(current.unit());
        // the template stays in its current unit: a rollback restores words, not ownership
        Template saved = templates.save(old.withVersion(0).withUnit(current.unit()), view.actor());
        return new Redirect(Html.link("/template", "key", saved.key()), Flash.done("Rolled " + saved.key()
                + " back to version " + old.version() + ": saved as version " + saved.version() + "."));
    }

    Html confirmDelete(View view) {
        Template current = current(view, services.templates(), view.param("key"));
        if (!view.may("/template/delete")) {
            return Html.of("<p class='tidings-error'>Deleting templates needs the role tidings-editor.</p>");
        }
        List<String> users = rulesUsing(current.key());
        if (!users.isEmpty()) {
            return Html.of("<h2>Template {} cannot be deleted</h2><p class='tidings-error' role='alert'>{}</p>"
                    + "<p><a href='{}'>Back to the template</a></p>", current.key(), usedBy(current.key(), users),
                    view.link("/template", "key", current.key()));
        }
        return Html.of("<h2>Delete template {}?</h2><p>{} and all its {} version(s) are deleted; messages already "
                + "rendered keep their text. This cannot be undone.</p>{}<p><a href='{}'>Keep it</a></p>",
                current.key(), current.name(), current.version(), view.postForm("/template/delete", "tidings-delete",
                        Html.of("<input type='hidden' name='key' value='{}'><button type='submit'>Delete template"
                                + "</button>", current.key())), view.link("/template", "key", current.key()));
    }

    Redirect delete(View view) {
        String key = view.param("key");
        services.scope(view.access()).check(current(view, services.templates(), key).unit());
        List<String> users = key == null ? List.of() : rulesUsing(key);
        if (!users.isEmpty()) {
            return new Redirect(Html.link("/template", "key", key), Flash.refused("Not deleted: "
                    + usedBy(key, users), "key"));
        }
        if (key == null || !services.templates().delete(key)) {
            throw new ValidationException("key", "there is no template '" + key + "'");
        }
        return new Redirect("/templates", Flash.done("Deleted template " + key + "."));
    }

    private List<String> rulesUsing(String key) {
        return services.rules().rules().stream().filter(r -> r.templates().contains(key))
                .map(NotificationRule::key).toList();
    }

    private static String usedBy(String key, List<String> users) {
        return "template '" + key + "' is used by rules: " + String.join(", ", users)
                + "; change those rules to another template first";
    }

    /** The current version, if the user may see the template: another unit's is "no template". */
    private Template current(View view, TemplateService templates, String key) {
        if (key == null) {
            throw new ValidationException("key", "is required: which template");
        }
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        return templates.template(key).filter(t -> scope.sees(t.unit()))
                .orElseThrow(() -> new ValidationException("key", "no template '" + key + "'"));
    }

    private static Template version(TemplateService templates, String key, String text) {
        int n;
        try {
            n = Integer.parseInt(String.valueOf(text));
        } catch (NumberFormatException e) {
            throw new ValidationException("version", "must be a version number, was '" + text + "'");
        }
        return templates.template(key, n).orElseThrow(() -> new ValidationException("version",
                "template '" + key + "' has no version " + n));
    }
}
