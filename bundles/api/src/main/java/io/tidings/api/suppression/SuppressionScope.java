package io.tidings.api.suppression;

import java.util.Arrays;
import java.util.Locale;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;

/** What a suppression stops: every message to the address, or its marketing only (a complaint). */
public enum SuppressionScope {
    /** No message of any purpose goes to the address (a hard bounce, an administrator's entry). */
    ALL,
    /** No marketing (direct or affiliate) goes to the address; transactional messages still do. */
    MARKETING;

    /** Whether a message of this purpose (null: transactional) is stopped. */
    public boolean covers(Purpose purpose) {
        return this == ALL || purpose == Purpose.MARKETING || purpose == Purpose.AFFILIATE_MARKETING;
    }

    /**
     * A scope as people write it, in any case; {@code fallback} when blank.
     *
     * @throws ValidationException naming {@code field} and the scopes there are
     */
    public static SuppressionScope parse(String text, String field, SuppressionScope fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be one of " + Arrays.toString(values()) + ", was '" + text + "'");
        }
    }
}
