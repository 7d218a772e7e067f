package io.tidings.api.run;

/**
 * What recipients did with a run's messages.
 *
 * @param sent      communications that left Tidings (SENT or DELIVERED)
 * @param opened    emails opened at least once (tracked)
 * @param clicked   emails with at least one tracked click
 * @param optedOut  messages whose recipient opted out through one of its links
 * @param bounced   messages the provider reported as not delivered (FAILED after sending)
 */
public record RunEngagement(long sent, long opened, long clicked, long optedOut, long bounced) {
}
