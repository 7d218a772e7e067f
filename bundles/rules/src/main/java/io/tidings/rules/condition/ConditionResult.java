package io.tidings.rules.condition;

/**
 * The outcome of a condition for one event.
 *
 * @param matched true when the condition holds
 * @param reason  why it does not hold (false, or the error that stopped it), null when it does
 */
public record ConditionResult(boolean matched, String reason) {

    static final ConditionResult TRUE = new ConditionResult(true, null);

    static ConditionResult no(String reason) {
        return new ConditionResult(false, reason);
    }
}
