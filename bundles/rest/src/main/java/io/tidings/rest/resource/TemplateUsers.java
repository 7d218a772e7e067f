package io.tidings.rest.resource;

import java.util.List;

import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;

/** Which rules send a template: a template they use cannot be deleted. */
final class TemplateUsers {

    private TemplateUsers() {
    }

    /** The keys of the rules naming the template, in the rule service's order. */
    static List<String> rulesUsing(RuleService rules, String templateKey) {
        return rules.rules().stream().filter(r -> r.templates().contains(templateKey)).map(NotificationRule::key)
                .toList();
    }
}
