package io.tidings.api.link;

/**
 * Opens and clicks over the emails of a rule (or all rules), as a dashboard shows them.
 *
 * @param ruleKey null for all rules
 * @param sent    emails sent (SENT or DELIVERED)
 * @param opened  of those, opened at least once
 * @param clicked of those, with at least one tracked click
 */
public record EngagementSummary(String ruleKey, long sent, long opened, long clicked) {
}
