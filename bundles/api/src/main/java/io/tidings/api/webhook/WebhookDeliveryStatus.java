package io.tidings.api.webhook;

import java.util.Arrays;
import java.util.Locale;

import io.tidings.api.ValidationException;

/** Where a delivery stands: waiting for its next attempt, accepted by the host (2xx), or given up. */
public enum WebhookDeliveryStatus {
    PENDING, DELIVERED, FAILED;

    /**
     * A status as people write it, in any case; null when blank (any status).
     *
     * @throws ValidationException naming {@code field} and the statuses there are
     */
    public static WebhookDeliveryStatus parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be one of " + Arrays.toString(values()) + ", was '" + text + "'");
        }
    }
}
