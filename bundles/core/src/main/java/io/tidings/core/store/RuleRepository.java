package io.tidings.core.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.rule.NotificationRule;

/** Notification rules by key. */
@ProviderType
public interface RuleRepository {

    List<NotificationRule> rules();

    Optional<NotificationRule> rule(String key);

    void saveRule(NotificationRule rule);

    boolean deleteRule(String key);

    /** Saves and deletes rules in one transaction: all or nothing. */
    void changeRules(List<NotificationRule> save, List<String> delete);
}
