package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.Medium;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.webconsole.html.Html;

/**
 * The template editor's fields, named as the template engine names the parts it rejects
 * ({@code contents.uk.html}), so an error is shown at the field it is about.
 */
final class TemplateForm {

    /** Repeated: the languages the form carries, in order. */
    static final String LANGUAGE = "language";
    static final String NAME = "name";
    static final String DEFAULT_LANGUAGE = "defaultLanguage";

    private TemplateForm() {
    }

    /**
     * The parts an administrator writes for the medium: subject, HTML and text for email, the text
     * alone for any other (the JSON payload of a structured medium such as WEBHOOK).
     */
    static List<String> parts(Medium medium) {
        return medium == Medium.EMAIL ? List.of("subject", "html", "text") : List.of("text");
    }

    static String field(String language, String part) {
        return "contents." + language + "." + part;
    }

    /**
     * The template as the form submitted it. Its key and medium stay as stored; a language
     * whose parts were all emptied is removed; blank parts are absent.
     *
     * @param version the version the edit starts from
     */
    static Template read(View view, Template stored, int version) {
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        for (String language : view.params(LANGUAGE)) {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : parts(stored.medium())) {
                String text = view.raw(field(language, part));
                if (text != null && !text.isBlank()) {
                    // browsers send line breaks in form fields as CRLF
                    parts.put(part, text.replace("\r\n", "\n"));
                }
            }
            if (!parts.isEmpty()) {
                contents.put(language, new TemplateContent(parts.get("subject"), parts.get("html"), parts.get("text")));
            }
        }
        // the files as the form's rows state them; a form without them (an SMS) keeps the stored ones
        return new Template(stored.key(), view.param(NAME), stored.medium(), view.param(DEFAULT_LANGUAGE), contents,
                version, view.param(TemplateFiles.MARKER) != null ? TemplateFiles.read(view) : stored.attachments(),
                stored.replyTo(), view.parameters().containsKey("unit") ? view.param("unit") : stored.unit());
    }

    /**
     * The editor's fields for the template's languages and any added ones, the field at fault
     * marked with the problem.
     */
    static Html fields(Template template, List<String> languages, String faultyField, String problem) {
        Html html = new Html();
        html.add(input("Name", NAME, template.name(), faultyField, problem));
        html.add(input("Default language", DEFAULT_LANGUAGE, template.defaultLanguage(), faultyField, problem));
        html.add(input("Unit (empty: head office, or your single unit)", "unit", template.unit(), faultyField, problem));
        for (String language : languages) {
            TemplateContent content = template.contents().get(language);
            html.add("<fieldset class='tidings-language'><legend>{}</legend>"
                    + "<input type='hidden' name='{}' value='{}'>", language, LANGUAGE, language);
            for (String part : parts(template.medium())) {
                String name = field(language, part);
                String text = content == null ? null : switch (part) {
                    case "subject" -> content.subject();
                    case "html" -> content.html();
                    default -> content.text();
                };
                boolean faulty = name.equals(faultyField);
                html.add("<label for='{}'>{}</label>", name, label(template.medium(), part));
                // a line break right after the tag, because HTML drops the first one of a textarea's text
                html.add("<textarea id='{}' name='{}' rows='{}' class='{}' spellcheck='false'>\n{}</textarea>", name,
                        name, part.equals("subject") ? 1 : 8, faulty ? "tidings-invalid" : "", text);
                if (faulty) {
                    html.add("<p class='tidings-error' role='alert'>{}</p>", problem);
                }
            }
            html.add("</fieldset>");
        }
        if (Medium.EMAIL.equals(template.medium())) {
            html.add(TemplateFiles.rows(template.attachments(), faultyField, problem));
        }
        return html;
    }

    private static Html input(String label, String name, String value, String faultyField, String problem) {
        boolean faulty = name.equals(faultyField);
        Html html = Html.of("<label>{} <input type='text' name='{}' value='{}' class='{}'></label>", label, name, value,
                faulty ? "tidings-invalid" : "");
        return faulty ? html.add("<p class='tidings-error' role='alert'>{}</p>", problem) : html;
    }

    private static String label(Medium medium, String part) {
        if (part.equals("text") && medium != null
                && medium.builtInKind().orElse(null) == io.tidings.api.ContentKind.STRUCTURED) {
            return "JSON payload (values are JSON-escaped)";
        }
        return switch (part) {
            case "subject" -> "Subject";
            case "html" -> "HTML";
            default -> "Text";
        };
    }
}
