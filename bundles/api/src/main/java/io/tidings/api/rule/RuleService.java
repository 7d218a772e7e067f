package io.tidings.api.rule;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/** Stores notification rules. */
@ProviderType
public interface RuleService {

    List<NotificationRule> rules();

    Optional<NotificationRule> rule(String key);

    /**
     * Validates the rule as a whole (including that its templates exist) and stores it.
     *
     * @throws ValidationException naming the field
     */
    NotificationRule save(NotificationRule rule);

    /** @return false when no such rule */
    boolean delete(String key);
}
