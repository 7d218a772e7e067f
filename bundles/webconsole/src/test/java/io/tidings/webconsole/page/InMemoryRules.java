package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleService;

/** Rules kept in a map; a rule without templates is refused, as the rule store refuses it. */
class InMemoryRules implements RuleService {

    final Map<String, NotificationRule> stored = new LinkedHashMap<>();

    @Override
    public List<NotificationRule> rules() {
        return List.copyOf(stored.values());
    }

    @Override
    public Optional<NotificationRule> rule(String key) {
        return Optional.ofNullable(stored.get(key));
    }

    @Override
    public NotificationRule save(NotificationRule rule) {
        if (rule.templates().isEmpty()) {
            throw new ValidationException("templates", "at least one template is required");
        }
        stored.put(rule.key(), rule);
        return rule;
    }

    @Override
    public boolean delete(String key) {
        return stored.remove(key) != null;
    }
}
