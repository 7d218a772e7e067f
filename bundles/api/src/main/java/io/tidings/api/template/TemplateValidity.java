package io.tidings.api.template;

import java.util.List;

/**
 * Whether a stored template still renders with the tag providers installed now.
 *
 * @param problems empty when valid, else every problem found, in reading order per part
 */
public record TemplateValidity(boolean valid, List<TemplateProblem> problems) {

    public static final TemplateValidity VALID = new TemplateValidity(true, List.of());

    public TemplateValidity {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static TemplateValidity of(List<TemplateProblem> problems) {
        return problems == null || problems.isEmpty() ? VALID : new TemplateValidity(false, problems);
    }
}
