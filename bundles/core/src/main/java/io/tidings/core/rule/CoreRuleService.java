package io.tidings.core.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleBulkOperation;
import io.tidings.api.rule.RuleBulkService;
import io.tidings.api.rule.RuleEngine;
import io.tidings.api.rule.RuleService;
import io.tidings.api.template.TemplateService;
import io.tidings.core.plan.ManualMessages;
import io.tidings.core.store.RuleRepository;
import io.tidings.core.support.ExpiringCache;

/**
 * Rules as administrators manage them: validated as a whole (the rule engine checks the rule, this
 * service checks that its templates exist) before anything is stored.
 */
@Component(service = {RuleService.class, RuleBulkService.class})
public class CoreRuleService implements RuleService, RuleBulkService {

    private static final Duration CACHE_LIFETIME = Duration.ofSeconds(5);
    private static final String ALL = "";

    @Reference
    private RuleRepository store;

    @Reference
    private RuleEngine engine;

    @Reference
    private TemplateService templates;

    private final ExpiringCache<String, List<NotificationRule>> cache = new ExpiringCache<>(CACHE_LIFETIME);

    @Override
    public List<NotificationRule> rules() {
        return cache.get(ALL, k -> store.rules());
    }

    @Override
    public Optional<NotificationRule> rule(String key) {
        return store.rule(key);
    }

    public CoreRuleService() {
    }

    /** Outside OSGi (tests). */
    public CoreRuleService(RuleRepository store, RuleEngine engine, TemplateService templates) {
        this.store = store;
        this.engine = engine;
        this.templates = templates;
    }

    @Override
    public NotificationRule save(NotificationRule rule) {
        if (rule == null) {
            throw new ValidationException("body", "a rule is required");
        }
        validate(rule, "");
        store.saveRule(rule);
        cache.invalidateAll();
        return rule;
    }

    /** The engine's checks and that the templates exist; {@code prefix} names the rule in a bulk change. */
    private void validate(NotificationRule rule, String prefix) {
        try {
            engine.validate(rule);
        } catch (ValidationException e) {
            throw prefix.isEmpty() ? e : new ValidationException(prefix + e.field(), e.reason());
        }
        try {
            ManualMessages.refuseReservedKey(rule.key());
        } catch (ValidationException e) {
            throw new ValidationException(prefix + e.field(), e.reason());
        }
        try {
            io.tidings.core.support.ReplyAddress.check(rule.replyTo(), "replyTo");
        } catch (ValidationException e) {
            throw new ValidationException(prefix + e.field(), e.reason());
        }
        String channel = rule.channel();
        if (channel != null && !io.tidings.core.dispatch.ChannelRegistry.NAME.matcher(channel).matches()) {
            throw new ValidationException(prefix + "channel", "must be a channel name such as smpp-b or smtp-main "
                    + "(letters, digits, '.', '_', '-'; at most 200); was '" + channel + "'");
        }
        for (int i = 0; i < rule.templates().size(); i++) {
            String key = rule.templates().get(i);
            if (templates.template(key).isEmpty()) {
                throw new ValidationException(prefix + "templates[" + i + "]", "no template '" + key + "'");
            }
        }
    }

    @Override
    public List<NotificationRule> apply(RuleBulkOperation operation) {
        if (operation == null) {
            throw new ValidationException("body", "a bulk operation is required");
        }
        if (operation.rules().isEmpty()) {
            throw new ValidationException("rules", "name at least one rule");
        }
        List<NotificationRule> selected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < operation.rules().size(); i++) {
            String key = operation.rules().get(i);
            if (key == null || !seen.add(key)) {
                throw new ValidationException("rules[" + i + "]", key == null ? "must be a rule key" : "'" + key + "' is named twice");
            }
            int index = i;
            selected.add(store.rule(key).orElseThrow(
                    () -> new ValidationException("rules[" + index + "]", "no rule '" + key + "'")));
        }
        String action = operation.action();
        List<NotificationRule> save = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        if (RuleBulkOperation.DELETE.equals(action)) {
            selected.forEach(r -> delete.add(r.key()));
        } else if (RuleBulkOperation.SET_TEMPLATES.equals(action)) {
            if (operation.templates() == null || operation.templates().isEmpty()) {
                throw new ValidationException("templates", "name at least one template for setTemplates");
            }
            for (int i = 0; i < operation.templates().size(); i++) {
                String key = operation.templates().get(i);
                if (key == null || templates.template(key).isEmpty()) {
                    throw new ValidationException("templates[" + i + "]", "no template '" + key + "'");
                }
            }
            for (NotificationRule rule : selected) {
                save.add(rule.withTemplates(operation.templates()));
            }
        } else if (RuleBulkOperation.SET_CHANNEL.equals(action)) {
            String channel = operation.channel() == null || operation.channel().isBlank() ? null
                    : operation.channel().strip();
            for (NotificationRule rule : selected) {
                save.add(rule.withChannel(channel));
            }
        } else if (RuleBulkOperation.COPY_TO_LOCATIONS.equals(action)) {
            if (operation.locations() == null || operation.locations().isEmpty()) {
                throw new ValidationException("locations", "name at least one location for copyToLocations");
            }
            Set<String> created = new HashSet<>();
            for (NotificationRule rule : selected) {
                for (int j = 0; j < operation.locations().size(); j++) {
                    String location = operation.locations().get(j);
                    if (location == null || location.isBlank()) {
                        throw new ValidationException("locations[" + j + "]", "must be a location key");
                    }
                    String key = rule.key() + "-" + location;
                    if (store.rule(key).isPresent() || !created.add(key)) {
                        throw new ValidationException("locations[" + j + "]", "the copy '" + key + "' of rule '"
                                + rule.key() + "' exists already");
                    }
                    save.add(rule.withKeyAndLocations(key, List.of(location)));
                }
            }
        } else {
            throw new ValidationException("action", "must be delete, setTemplates, setChannel or copyToLocations; was '"
                    + action + "'");
        }
        for (NotificationRule rule : save) {
            validate(rule, "rules[" + rule.key() + "].");
        }
        store.changeRules(save, delete);
        cache.invalidateAll();
        return save;
    }

    @Override
    public boolean delete(String key) {
        boolean deleted = store.deleteRule(key);
        cache.invalidateAll();
        return deleted;
    }
}
