package io.tidings.api;

import java.time.Instant;

/**
 * Which FAILED communications a bulk retry takes ({@link NotificationService#retryFailed}): those
 * matching every criterion given; null criteria do not restrict.
 *
 * @param channel    the channel last tried, e.g. {@code smtp-main}
 * @param rule       the rule's key
 * @param failedFrom failed at or after this moment
 * @param failedTo   failed before this moment
 * @since 1.5
 */
public record FailedQuery(String channel, String rule, Instant failedFrom, Instant failedTo) {

    /** True when no criterion is given: such a query would retry every failure ever recorded. */
    public boolean unrestricted() {
        return channel == null && rule == null && failedFrom == null && failedTo == null;
    }
}
