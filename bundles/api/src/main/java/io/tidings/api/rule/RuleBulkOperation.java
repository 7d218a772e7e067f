package io.tidings.api.rule;

import java.util.List;

/**
 * One change over a selection of rules, applied all or nothing.
 *
 * @param rules     the keys of the rules to change
 * @param action    {@code delete}, {@code setTemplates}, {@code setChannel} or {@code copyToLocations}
 * @param templates the new templates ({@code setTemplates}: changes the content and the channel's medium)
 * @param locations the locations to copy to ({@code copyToLocations}: one copy per rule and location,
 *                  keyed {@code <rule>-<location>} and limited to that location)
 * @param channel   the preferred channel ({@code setChannel}; null or blank: route by priority alone)
 */
public record RuleBulkOperation(List<String> rules, String action, List<String> templates, List<String> locations,
        String channel) {

    public static final String DELETE = "delete";
    public static final String SET_TEMPLATES = "setTemplates";
    public static final String COPY_TO_LOCATIONS = "copyToLocations";
    public static final String SET_CHANNEL = "setChannel";

    /** An operation that sets no channel (the signature of API 1.1). */
    public RuleBulkOperation(List<String> rules, String action, List<String> templates, List<String> locations) {
        this(rules, action, templates, locations, null);
    }

    public RuleBulkOperation {
        rules = rules == null ? List.of() : List.copyOf(rules);
        templates = templates == null ? null : List.copyOf(templates);
        locations = locations == null ? null : List.copyOf(locations);
    }
}
