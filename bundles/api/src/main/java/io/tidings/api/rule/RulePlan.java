package io.tidings.api.rule;

import java.util.List;

/**
 * The outcome of one rule for one event.
 *
 * @param reason why it did not match (trigger, location, condition); on a match, notes such as a
 *               template that does not exist (null when there is nothing to say)
 */
public record RulePlan(String ruleKey, boolean matched, String reason, List<PlannedMessage> messages) {

    public RulePlan {
        messages = List.copyOf(messages);
    }

    public static RulePlan noMatch(String ruleKey, String reason) {
        return new RulePlan(ruleKey, false, reason, List.of());
    }
}
