package io.tidings.rest.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.ValidationException;
import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.SmsInfo;
import io.tidings.api.template.TemplateAttachment;
import io.tidings.api.template.TemplateContent;
import io.tidings.api.template.TemplateProblem;
import io.tidings.api.template.TemplateValidity;

/**
 * {@code {"key","name","medium","defaultLanguage","contents":{"<lang>":{"subject","html","text"}},"version",
 * "attachments":[{"filename","url"|"field","contentType","inline","contentId"}],"replyTo","unit"}}
 * and the preview request and answer.
 */
public final class TemplateJson {

    /** A preview request: the language to try and the sample data. */
    public record PreviewRequest(String language, Map<String, Object> data) {
    }

    private TemplateJson() {
    }

    /** The version a client sends is ignored: the service assigns the next one on save. */
    public static Template read(JsonNode body) {
        Fields f = Fields.root(body).only("key", "name", "medium", "defaultLanguage", "contents", "version",
                "attachments", "replyTo", "unit", "valid", "problems");
        f.integer("version");
        Map<String, TemplateContent> contents = new LinkedHashMap<>();
        Fields c = f.object("contents");
        if (c != null) {
            Iterator<Map.Entry<String, JsonNode>> languages = c.members();
            while (languages.hasNext()) {
                String language = languages.next().getKey();
                Fields content = c.object(language);
                if (content == null) {
                    throw new ValidationException(c.name(language),
                            "must be an object {\"subject\", \"html\", \"text\"}");
                }
                content.only("subject", "html", "text");
                contents.put(language, new TemplateContent(content.text("subject"), content.text("html"),
                        content.text("text")));
            }
        }
        List<TemplateAttachment> attachments = new ArrayList<>();
        List<Fields> files = f.objects("attachments");
        if (files != null) {
            for (Fields a : files) {
                a.only("filename", "url", "field", "contentType", "inline", "contentId");
                Boolean inline = a.bool("inline");
                attachments.add(new TemplateAttachment(a.text("filename"), a.text("url"), a.text("field"),
                        a.text("contentType"), inline != null && inline, a.text("contentId")));
            }
        }
        return new Template(f.text("key"), f.text("name"), f.medium("medium"),
                f.text("defaultLanguage"), contents, 0, attachments, blankToNull(f.text("replyTo")),
                blankToNull(f.text("unit")));
    }

    public static ObjectNode write(Template template) {
        ObjectNode json = JsonCodec.object();
        json.put("key", template.key());
        json.put("name", template.name());
        json.put("medium", template.medium() == null ? null : template.medium().name());
        json.put("defaultLanguage", template.defaultLanguage());
        ObjectNode contents = json.putObject("contents");
        template.contents().forEach((language, content) -> {
            ObjectNode c = contents.putObject(language);
            c.put("subject", content.subject());
            c.put("html", content.html());
            c.put("text", content.text());
        });
        json.put("version", template.version());
        ArrayNode attachments = json.putArray("attachments");
        for (TemplateAttachment a : template.attachments()) {
            ObjectNode file = attachments.addObject();
            file.put("filename", a.filename());
            if (a.url() != null) {
                file.put("url", a.url());
            }
            if (a.field() != null) {
                file.put("field", a.field());
            }
            file.put("contentType", a.contentType());
            file.put("inline", a.inline());
            if (a.contentId() != null) {
                file.put("contentId", a.contentId());
            }
        }
        json.put("replyTo", template.replyTo());
        json.put("unit", template.unit());
        return json;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The template with {@code "valid"} and, when invalid, {@code "problems":[{"field","line","column","message"}]}. */
    public static ObjectNode write(Template template, TemplateValidity validity) {
        ObjectNode json = write(template);
        json.put("valid", validity.valid());
        ArrayNode problems = json.putArray("problems");
        for (TemplateProblem problem : validity.problems()) {
            ObjectNode p = problems.addObject();
            p.put("field", problem.field());
            if (problem.line() > 0) {
                p.put("line", problem.line());
                p.put("column", problem.column());
            }
            p.put("message", problem.message());
        }
        return json;
    }

    public static PreviewRequest readPreview(JsonNode body) {
        Fields f = Fields.root(body).only("language", "data");
        Map<String, Object> data = f.map("data");
        return new PreviewRequest(f.text("language"), data == null ? Map.of() : data);
    }

    public static ObjectNode writePreview(RenderedMessage message) {
        ObjectNode json = JsonCodec.object();
        json.put("language", message.language());
        json.put("languageReason", message.languageReason());
        json.put("templateVersion", message.templateVersion());
        json.put("subject", message.subject());
        json.put("html", message.html());
        json.put("text", message.text());
        SmsInfo sms = message.sms();
        if (sms != null) {
            json.put("encoding", sms.encoding());
            json.put("characters", sms.characters());
            json.put("parts", sms.parts());
        }
        message.blankTags().forEach(json.putArray("blankTags")::add);
        return json;
    }
}
