package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateAttachment;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateProblem;
import io.tidings.api.template.TemplateService;
import io.tidings.api.template.TemplateValidity;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * Templates: the list, one template with a preview on sample data, and the editor. A save is
 * validated by the template engine as a whole and stored as a new version, or refused with the
 * field, line and column and nothing stored; the administrator's text is shown again for mending.
 */
final class TemplatePages {

    private final ConsoleServices services;

    TemplatePages(ConsoleServices services) {
        this.services = services;
    }

    Html list(View view) {
        TemplateService templates = services.templates();
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        List<Template> all = templates.templates().stream().filter(t -> scope.sees(t.unit())).toList();
        Html create = createForm(view);
        if (all.isEmpty()) {
            return Html.of("<p>No template yet.</p>{}", create);
        }
        Html html = new Html().add("<table class='nicetable tidings-templates'><thead><tr><th>Key</th><th>Name</th>"
                + "<th>Medium</th><th>Languages</th><th>Default</th><th>Version</th><th>Unit</th><th>Valid</th></tr></thead><tbody>");
        for (Template t : all) {
            TemplateValidity validity = templates.validity(t);
            html.add("<tr data-template='{}'><td><a href='{}'>{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td class='tidings-unit'>{}</td><td>{}</td></tr>", t.key(), view.link("/template", "key", t.key()),
                    t.key(), t.name(), t.medium(), String.join(", ", t.contents().keySet()), t.defaultLanguage(),
                    t.version(), t.unit() == null ? "-" : t.unit(),
                    validity.valid() ? "yes" : "no: " + validity.problems().size() + " problem(s)");
        }
        return html.add("</tbody></table>{}", create);
    }

    /** A new template with its content in one language; more languages and files come through the editor. */
    private Html createForm(View view) {
        Map<String, String> typed = view.flash() == null ? Map.of() : view.flash().values();
        Html medium = new Html();
        for (Medium m : offeredMedia()) {
            medium.add("<option {}>{}</option>", Html.of(m.name().equals(typed.get("medium")) ? "selected" : ""), m);
        }
        Html fields = Html.of("<p><label>Key <input type='text' name='key' value='{}' placeholder='order-ready' required>"
                + "</label> <label>Name <input type='text' name='name' value='{}' required></label> "
                + "<label>Medium <select name='medium'>{}</select></label> <label>or another medium "
                + "<input type='text' name='otherMedium' value='{}' size='12' placeholder='PUSH'></label> <label>Language <input type='text' "
                + "name='language' value='{}' size='6' placeholder='uk' required></label> <label>Unit <input type='text'"
                + " name='unit' value='{}' size='12' placeholder='(head office)' list='tidings-unit-keys'></label></p>"
                + "<p><label>Subject (email) <input type='text' name='subject' value='{}' size='60'></label></p>"
                + "<p><label>HTML (email)<br><textarea name='html' rows='5' cols='80' spellcheck='false'>{}</textarea>"
                + "</label></p><p><label>Text<br><textarea name='text' rows='4' cols='80' spellcheck='false'>{}"
                + "</textarea></label></p><p><button type='submit'>Create</button></p>",
                typed.get("key"), typed.get("name"), medium, typed.get("otherMedium"), typed.get("language"),
                typed.get("unit"), typed.get("subject"), typed.get("html"), typed.get("text"));
        return view.may("/template/create")
                ? Html.of("<h3>New template</h3>{}{}", view.postForm("/template/create", "tidings-create", fields),
                        UnitPages.unitList(services)) : new Html();
    }

    /** Creates a template; an existing key is refused (edit it instead), bad content is named as a save names it. */
    Redirect create(View view) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("key", "name", "medium", "otherMedium", "language")) {
            typed.put(field, view.param(field));
        }
        for (String field : List.of("subject", "html", "text")) {
            typed.put(field, view.raw(field));
        }
        try {
            String key = view.param("key");
            if (key == null) {
                throw new ValidationException("key", "is required");
            }
            TemplateService templates = services.templates();
            if (templates.template(key).isPresent()) {
                throw new ValidationException("key", "a template '" + key + "' exists already: edit it instead");
            }
            Medium medium;
            String other = view.param("otherMedium");
            String field = other != null && !other.isBlank() ? "otherMedium" : "medium";
            try {
                medium = Medium.parse(view.param(field));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field, e.getMessage());
            }
            String language = view.param("language");
            if (language == null) {
                throw new ValidationException("language", "is required: the language of this first content, e.g. uk");
            }
            TemplateContent content = medium == Medium.EMAIL
                    ? new TemplateContent(blankToNull(view.raw("subject")), blankToNull(view.raw("html")),
                            blankToNull(view.raw("text")))
                    : new TemplateContent(null, null, blankToNull(view.raw("text")));
            Template saved = templates.save(new Template(key, view.param("name"), medium, language,
                    Map.of(language, content), 0).withUnit(services.assignUnit(view.access(), view.param("unit"))),
                    view.actor());
            return new Redirect(Html.link("/template", "key", saved.key()),
                    Flash.done("Created " + saved.key() + " as version " + saved.version() + "."));
        } catch (ValidationException e) {
            return new Redirect("/templates", Flash.refused("Not created: " + e.getMessage(), e.field(), typed));
        } catch (io.tidings.api.access.UnitAccessException e) {
            return new Redirect("/templates", Flash.refused("Not created: Unit: " + e.getMessage(), "unit", typed));
        }
    }

    /** The media declared now (built-in and of the registered channels); the built-in ones without the engine. */
    private List<Medium> offeredMedia() {
        try {
            return services.media().stream().map(io.tidings.api.channel.DeclaredMedium::medium).toList();
        } catch (RuntimeException e) {
            return List.of(Medium.EMAIL, Medium.SMS, Medium.WEBHOOK);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    Html view(View view) {
        TemplateService templates = services.templates();
        Template t = existing(view, templates, view.param("key"));
        Html html = Html.of("<h2>Template {} <small>version {}</small></h2>", t.key(), t.version());
        html.add("<p>");
        if (view.may("/template/save")) {
            html.add("<a class='tidings-button' href='{}'>Edit</a> ", view.link("/template/edit", "key", t.key()));
        }
        html.add("<a class='tidings-button' href='{}'>Version history</a>", view.link("/template/history", "key", t.key()));
        if (view.may("/template/delete")) {
            html.add(" <a class='tidings-button' href='{}'>Delete template</a>", view.link("/template/delete", "key",
                    t.key()));
        }
        html.add("</p>");
        html.add("<table class='nicetable tidings-record'><tbody><tr><th>Name</th><td>{}</td></tr>"
                + "<tr><th>Medium</th><td>{}</td></tr><tr><th>Default language</th><td>{}</td></tr></tbody></table>",
                t.name(), t.medium(), t.defaultLanguage());
        TemplateValidity validity = templates.validity(t);
        if (!validity.valid()) {
            html.add("<div class='tidings-error'><p>This version does not render with the tags installed now:</p><ul>");
            for (TemplateProblem p : validity.problems()) {
                // worded as a refused save words it: field (line, column): message
                html.add("<li>{}</li>", new ValidationException(p.field(), p.message(), p.line(), p.column())
                        .getMessage());
            }
            html.add("</ul></div>");
        }
        t.contents().forEach((language, content) -> html.add(content(language, content)));
        if (!t.attachments().isEmpty()) {
            html.add("<h3>Files</h3><ul>");
            for (TemplateAttachment a : t.attachments()) {
                html.add("<li>{} ({}{}) from {}</li>", a.filename(), a.contentType(), a.inline() ? ", inline" : "",
                        a.url() != null ? a.url() : "the event's " + a.field());
            }
            html.add("</ul>");
        }
        return html.add(preview(view, t));
    }

    private static Html content(String language, TemplateContent content) {
        Html html = Html.of("<h3>{}</h3>", language);
        if (content.subject() != null) {
            html.add("<p><strong>Subject:</strong> {}</p>", content.subject());
        }
        if (content.html() != null) {
            html.add("<p><strong>HTML</strong></p><pre class='tidings-source'>\n{}</pre>", content.html());
        }
        if (content.text() != null) {
            html.add("<p><strong>Text</strong></p><pre class='tidings-source'>\n{}</pre>", content.text());
        }
        return html;
    }

    /** The preview form (a GET: it stores nothing) and, when asked, the rendered message. */
    private Html preview(View view, Template t) {
        String language = view.param("language") == null ? t.defaultLanguage() : view.param("language");
        String data = view.raw(SampleData.FIELD);
        Html html = Html.of("<h3>Preview</h3><form method='get' action='{}' class='tidings-preview' "
                + "accept-charset='UTF-8'><input type='hidden' name='key' value='{}'>"
                + "<input type='hidden' name='preview' value='1'><label>Language <select name='language'>",
                view.link("/template"), t.key());
        for (String l : t.contents().keySet()) {
            html.add("<option {}>{}</option>", Html.of(l.equals(language) ? "selected" : ""), l);
        }
        html.add("</select></label><label for='preview-data'>Sample data: the event's <code>data</code> as JSON, or "
                + "one <code>entity.field = value</code> a line</label><textarea id='preview-data' name='{}' rows='6' "
                + "spellcheck='false' placeholder='{}'>\n{}</textarea><button type='submit'>Preview</button></form>",
                SampleData.FIELD, "{\"contact_information\": {\"name\": \"Олена Коваль\"}, \"order\": {\"number\": 1001}}",
                data);
        if (view.param("preview") == null) {
            return html;
        }
        RenderedMessage message;
        try {
            message = services.templates().preview(t.key(), language, SampleData.parse(data));
        } catch (ValidationException e) {
            return html.add("<p class='tidings-error'>{}</p>", e.getMessage());
        }
        html.add("<div class='tidings-rendered'><p>Rendered in <strong>{}</strong> from version {}{}</p>",
                message.language(), message.templateVersion(),
                message.languageReason() == null ? "" : " (" + message.languageReason() + ")");
        if (message.subject() != null) {
            html.add("<p><strong>Subject:</strong> <span class='tidings-subject'>{}</span></p>", message.subject());
        }
        if (message.sms() != null) {
            html.add("<p>{}, {} characters, {} part(s)</p>", message.sms().encoding(), message.sms().characters(),
                    message.sms().parts());
        }
        if (!message.blankTags().isEmpty()) {
            html.add("<p class='tidings-warning tidings-blanks' role='alert'>Blank for this data: {} – the message "
                    + "would go out with nothing in their place.</p>", String.join(", ", message.blankTags()));
        }
        if (message.html() != null) {
            html.add(sandboxed(message.html(), "Rendered HTML"));
        }
        return html.add("<pre class='tidings-body'>\n{}</pre></div>", message.text());
    }

    /** HTML of a message in a frame that runs no script and reaches nothing of the console. */
    static Html sandboxed(String html, String title) {
        return Html.of("<iframe class='tidings-html' sandbox='' referrerpolicy='no-referrer' title='{}' srcdoc='{}'>"
                + "</iframe>", title, html);
    }

    Html edit(View view) {
        Template stored = existing(view, services.templates(), view.param("key"));
        Flash flash = view.flash();
        boolean mending = flash != null && flash.draft() != null && stored.key().equals(flash.draft().key());
        Template template = mending ? flash.draft() : stored;
        List<String> languages = new ArrayList<>(template.contents().keySet());
        String added = view.param("add");
        if (added != null && !languages.contains(added)) {
            languages.add(added);
        }
        Html html = Html.of("<h2>Edit template {} <small>{} from version {}</small></h2>", stored.key(),
                stored.medium(), template.version());
        if (mending) {
            html.add("<p class='tidings-error' role='alert'>{}</p>", flash.message());
        }
        html.add("<form method='get' action='{}' class='tidings-add-language'><input type='hidden' name='key' value='{}'>"
                + "<label>Add content in a language <input type='text' name='add' placeholder='fr' size='6'></label>"
                + "<button type='submit'>Add</button> <small>(before editing: it opens the editor again)</small></form>",
                view.link("/template/edit"), stored.key());
        Html fields = Html.of("<input type='hidden' name='key' value='{}'><input type='hidden' name='version' value='{}'>",
                stored.key(), template.version());
        fields.add(TemplateForm.fields(template, languages, mending ? flash.field() : null,
                mending ? flash.message() : null));
        fields.add("<p class='tidings-hint'>Empty every field of a language to remove it. Tags: "
                + "<code>#contact_information.name</code>, <code>#order.number</code>…</p>"
                + "<button type='submit'>Save as a new version</button> <a href='{}'>Cancel</a>",
                view.link("/template", "key", stored.key()));
        Html form = view.postForm("/template/save", "tidings-editor", fields);
        Html assist;
        try {
            List<io.tidings.api.tag.EntityDescriptor> catalogue = services.tags().entities();
            assist = EditorAssist.panel(view, template, catalogue, PreviewSample.of(services, template, catalogue));
        } catch (ConsoleServices.Unavailable e) {
            assist = Html.of("<p class='tidings-hint'>No live check: {}</p>", e.getMessage());
        }
        // the form and the live preview side by side on a wide screen
        return html.add("<div class='tidings-editing'><div class='tidings-editing-form'>{}</div>{}</div>", form,
                assist);
    }

    Redirect save(View view) {
        TemplateService templates = services.templates();
        Template stored = existing(view, templates, view.param("key"));
        services.scope(view.access()).check(stored.unit());
        int base = version(view.param("version"));
        String editor = Html.link("/template/edit", "key", stored.key());
        if (base != stored.version()) {
            // someone saved in between: show this text again, now over the newest version, to save deliberately
            Template draft = TemplateForm.read(view, stored, stored.version());
            return new Redirect(editor, new Flash(true, "Not saved: version " + stored.version() + " of " + stored.key()
                    + " was saved after you opened version " + base + ". Your text is below: save again to replace"
                    + " version " + stored.version() + " with it.", null, draft));
        }
        Template draft = TemplateForm.read(view, stored, base);
        try {
            draft = draft.withUnit(services.assignUnit(view.access(), draft.unit()));
            Template saved = templates.save(draft, view.actor());
            return new Redirect(Html.link("/template", "key", saved.key()),
                    Flash.done("Saved " + saved.key() + " as version " + saved.version() + "."));
        } catch (ValidationException e) {
            return new Redirect(editor, new Flash(true, "Not saved: " + e.getMessage(), e.field(), draft));
        } catch (io.tidings.api.access.UnitAccessException e) {
            return new Redirect(editor, new Flash(true, "Not saved: Unit: " + e.getMessage(), "unit", draft));
        }
    }

    /** The template, if the user may see it: another unit's is "no template", as an unknown one is. */
    private Template existing(View view, TemplateService templates, String key) {
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        Template template = existing(templates, key);
        if (!scope.sees(template.unit())) {
            throw new ValidationException("key", "no template '" + key + "'");
        }
        return template;
    }

    private static Template existing(TemplateService templates, String key) {
        if (key == null) {
            throw new ValidationException("key", "is required: which template");
        }
        return templates.template(key).orElseThrow(() -> new ValidationException("key", "no template '" + key + "'"));
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("version", "must be the version the edit started from, was '" + text + "'");
        }
    }
}
