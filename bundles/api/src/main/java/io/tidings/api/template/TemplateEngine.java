package io.tidings.api.template;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/** Validates and renders templates (implemented by the template bundle; channels never see it). */
@ProviderType
public interface TemplateEngine {

    /**
     * Checks every content of the template: syntax and known tags.
     *
     * @throws ValidationException naming the field ({@code contents.uk.html}) with line and column
     */
    void validate(Template template);

    /**
     * Renders the template for a recipient.
     *
     * @param language the preferred language; falls back to the template's default
     * @param data     the event data: entity snapshots keyed by entity name
     * @throws ValidationException when rendering is impossible (e.g. a missing unrestricted value)
     */
    RenderedMessage render(Template template, String language, Map<String, Object> data);

    /**
     * Every problem of the template with the tag providers installed now; empty when it renders.
     * Engines that can only report the first problem keep this default.
     */
    default List<TemplateProblem> problems(Template template) {
        try {
            validate(template);
            return List.of();
        } catch (ValidationException e) {
            return List.of(new TemplateProblem(e.field(), e.line(), e.column(), e.reason()));
        }
    }

    /** Changes whenever the tags the engine knows change; 0 for an engine whose tags never change. */
    default long tagsVersion() {
        return 0;
    }

    /** The language that would be used for a preferred language, given the template's contents. */
    default String resolveLanguage(Template template, String preferred) {
        if (preferred != null && template.contents().containsKey(preferred)) {
            return preferred;
        }
        return template.defaultLanguage();
    }
}
