package io.tidings.api.channel;

import java.time.Duration;

/**
 * The typed outcome of a send.
 *
 * @param providerMessageId the provider's id for the message when {@link Outcome#SENT}
 * @param error             what went wrong, for the failure outcomes (no secrets, no personal data)
 * @param retryAfter        for a transient failure, a wait the provider asked for (null: the engine's backoff)
 */
public record SendResult(Outcome outcome, String providerMessageId, String error, Duration retryAfter) {

    public enum Outcome {
        /** The provider accepted the message. */
        SENT,
        /** Try again later (connection refused, throttled, 5xx). */
        TRANSIENT_FAILURE,
        /** Trying again cannot help (invalid address, rejected content). */
        PERMANENT_FAILURE
    }

    public static SendResult sent(String providerMessageId) {
        return new SendResult(Outcome.SENT, providerMessageId, null, null);
    }

    public static SendResult transientFailure(String error) {
        return new SendResult(Outcome.TRANSIENT_FAILURE, null, error, null);
    }

    public static SendResult transientFailure(String error, Duration retryAfter) {
        return new SendResult(Outcome.TRANSIENT_FAILURE, null, error, retryAfter);
    }

    public static SendResult permanentFailure(String error) {
        return new SendResult(Outcome.PERMANENT_FAILURE, null, error, null);
    }
}
