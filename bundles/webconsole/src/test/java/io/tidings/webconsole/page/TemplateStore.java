package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.api.template.RenderedMessage;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateProblem;
import io.tidings.api.template.TemplateService;
import io.tidings.api.template.TemplateValidity;

/** Templates in memory, each with the problems a test says the engine finds in it. */
class TemplateStore implements TemplateService {

    final List<Template> all = new ArrayList<>();
    final Map<String, List<TemplateProblem>> problems = new HashMap<>();

    @Override
    public List<Template> templates() {
        return all;
    }

    @Override
    public Optional<Template> template(String key) {
        return all.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    @Override
    public Optional<Template> template(String key, int version) {
        return template(key).filter(t -> t.version() == version);
    }

    @Override
    public Template save(Template template) {
        all.add(template);
        return template;
    }

    @Override
    public boolean delete(String key) {
        return all.removeIf(t -> t.key().equals(key));
    }

    @Override
    public TemplateValidity validity(Template template) {
        return TemplateValidity.of(problems.getOrDefault(template.key(), List.of()));
    }

    @Override
    public RenderedMessage preview(String key, String language, Map<String, Object> data) {
        throw new UnsupportedOperationException("preview");
    }
}
