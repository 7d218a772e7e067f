package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.ValidationException;
import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateProblem;
import io.tidings.webconsole.html.Json;

/**
 * What the editor's script asks while the administrator types: the draft's problems at their line
 * and column as the template engine validates it, and its rendering with the sample data (the SMS
 * length as the engine counts it, and the tags that render empty). Nothing is stored.
 */
final class TemplateCheck {

    /** The editor's field with the language of the preview. */
    static final String PREVIEW_LANGUAGE = "previewLanguage";

    private final ConsoleServices services;

    TemplateCheck(ConsoleServices services) {
        this.services = services;
    }

    /** The JSON answer to the editor's form as it stands now. */
    String check(View view) {
        Template stored = services.templates().template(view.param("key"))
                .orElseThrow(() -> new ValidationException("key", "no template '" + view.param("key") + "'"));
        Template read = TemplateForm.read(view, stored, stored.version());
        // version 0: a draft, validated and rendered afresh rather than as the stored version
        Template draft = new Template(read.key(), read.name(), read.medium(), read.defaultLanguage(), read.contents(), 0,
                read.attachments(), read.replyTo());
        Map<String, Object> answer = new LinkedHashMap<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        for (TemplateProblem p : services.templates().validity(draft).problems()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            // a file's problem at the form's row for it (rows removed in the form shift the engine's index)
            problem.put("field", TemplateFiles.formField(view, p.field()));
            problem.put("line", p.line());
            problem.put("column", p.column());
            problem.put("message", new ValidationException(p.field(), p.message(), p.line(), p.column()).getMessage());
            problems.add(problem);
        }
        answer.put("problems", problems);
        if (problems.isEmpty() && !draft.contents().isEmpty()) {
            answer.put("preview", preview(view, draft));
        }
        return Json.write(answer);
    }

    private Map<String, Object> preview(View view, Template draft) {
        Map<String, Object> preview = new LinkedHashMap<>();
        try {
            String language = view.param(PREVIEW_LANGUAGE) == null ? draft.defaultLanguage()
                    : view.param(PREVIEW_LANGUAGE);
            RenderedMessage m = services.templateEngine().render(draft, language, SampleData.parse(view.raw(
                    SampleData.FIELD)));
            preview.put("language", m.language());
            preview.put("subject", m.subject());
            preview.put("html", m.html());
            preview.put("text", m.text());
            if (m.sms() != null) {
                preview.put("sms", Map.of("encoding", m.sms().encoding(), "characters", m.sms().characters(),
                        "parts", m.sms().parts()));
            }
            preview.put("blankTags", m.blankTags());
        } catch (ValidationException e) {
            preview.put("error", e.getMessage());
        }
        return preview;
    }

    /** The tag catalogue as the editor's autocomplete reads it: entities with fields, types, descriptions, relations. */
    static String catalogue(List<EntityDescriptor> entities) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (EntityDescriptor e : entities) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (FieldDescriptor f : e.fields()) {
                fields.put(f.name(), List.of(String.valueOf(f.type()), f.description() == null ? "" : f.description()));
            }
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("description", e.description() == null ? "" : e.description());
            entity.put("fields", fields);
            entity.put("relations", e.relations());
            all.put(e.entity(), entity);
        }
        return Json.write(all);
    }
}
