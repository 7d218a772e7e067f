package io.tidings.rules.engine;

import java.util.regex.Pattern;

import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.rules.condition.ConditionEngine;
import io.tidings.rules.recipient.RecipientResolver;
import io.tidings.rules.trigger.Triggers;

/** Checks a rule on its own, field by field in the order an editor shows them; the first fault wins. */
final class RuleValidator {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

    private final Triggers triggers;
    private final ConditionEngine conditions;
    private final RecipientResolver recipients;

    RuleValidator(Triggers triggers, ConditionEngine conditions, RecipientResolver recipients) {
        this.triggers = triggers;
        this.conditions = conditions;
        this.recipients = recipients;
    }

    void validate(NotificationRule rule) {
        if (rule == null) {
            throw new ValidationException("rule", "is required");
        }
        if (rule.key() == null || rule.key().isBlank()) {
            throw new ValidationException("key", "is required");
        }
        if (!KEY.matcher(rule.key()).matches()) {
            throw new ValidationException("key", "must be 1 to 100 letters, digits, '_', '-' or '.', starting with a letter or digit; was '"
                    + rule.key() + "'");
        }
        if (rule.name() != null && rule.name().length() > 200) {
            throw new ValidationException("name", "must be at most 200 characters");
        }
        triggers.validate(rule);
        for (int i = 0; i < rule.locations().size(); i++) {
            String location = rule.locations().get(i);
            if (location == null || location.isBlank()) {
                throw new ValidationException("locations[" + i + "]", "must not be blank");
            }
        }
        if (rule.condition() != null && !rule.condition().isBlank()) {
            conditions.validate(rule.condition());
        }
        if (rule.templates().isEmpty()) {
            throw new ValidationException("templates", "at least one template is required");
        }
        for (int i = 0; i < rule.templates().size(); i++) {
            String template = rule.templates().get(i);
            if (template == null || !TEMPLATE_KEY.matcher(template).matches()) {
                throw new ValidationException("templates[" + i + "]", "must be a template key; was '" + template + "'");
            }
        }
        recipients.validate(rule.recipients());
        if (rule.purpose() == null) {
            throw new ValidationException("purpose", "is required: TRANSACTIONAL or MARKETING");
        }
        if (rule.delay() != null && rule.delay().isNegative()) {
            throw new ValidationException("delay", "must not be negative; was " + rule.delay());
        }
        if (rule.digest() != null && rule.reminder() != null) {
            throw new ValidationException("digest", "a reminder is sent on its own before its appointment and cannot "
                    + "wait in a digest: remove the digest or the reminder");
        }
        if (rule.quietHours() != null) {
            if (rule.quietHours().from() == null || rule.quietHours().to() == null) {
                throw new ValidationException("quietHours", "needs from and to, e.g. {\"from\": \"21:00\", \"to\": \"09:00\"}");
            }
            if (rule.quietHours().from().equals(rule.quietHours().to())) {
                throw new ValidationException("quietHours", "from and to must differ");
            }
        }
    }
}
