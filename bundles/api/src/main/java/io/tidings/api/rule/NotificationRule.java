package io.tidings.api.rule;

import java.time.Duration;
import java.util.List;

import io.tidings.api.Purpose;

/**
 * Who hears about which events, when and in which words.
 *
 * @param event            the event type that triggers it, e.g. {@code order.status_changed}
 * @param toStatus         narrows a status change to "changed to X" (matched against {@code <entity>.status}); null for any
 * @param locations        location keys it applies to; empty for all
 * @param condition        an expression over the event data, e.g. {@code order.total > 100}; null for always
 * @param templates        template keys, one message per template (its medium) and recipient
 * @param recipients       where to send: {@code contact_information} (the contact), a field holding an
 *                         address ({@code order.manager_email}), or a fixed address
 * @param delay            wait after the event before sending; null for none
 * @param reminder         makes the rule a reminder before a time field of the entity; null for none
 * @param workingHoursOnly send only within the working hours of the event's location (else at its next opening)
 * @param quietHours       keep messages out of these hours of the recipient's day; null for none
 * @param outcome          narrows to a call outcome ({@code <entity>.outcome}, e.g. "No answer"); null for any
 * @param contactAttempt   narrows to a contact attempt ({@code <entity>.contact_attempt}); null for any
 * @param channel          the channel its messages go to first (e.g. {@code smpp-b}), failing over by priority
 *                         when it is down or not installed; null to route by priority alone
 * @param frequencyCap     at most this many of its messages to one contact per period (also for
 *                         TRANSACTIONAL rules, which purpose defaults spare); null for the purpose's default
 * @param digest           gathers a contact's messages of the rule within a window into one; null to send each
 * @param replyTo          the email address replies go to ({@code Reply-To}), over its templates' own; null for theirs
 * @param unit             the organisational unit it belongs to: it applies only to events of that unit or of units
 *                         below it; null for none (head office: it applies to every event) (since API 1.5)
 */
public record NotificationRule(String key, String name, String event, String toStatus, List<String> locations,
        String condition, List<String> templates, List<String> recipients, Purpose purpose, Duration delay,
        boolean enabled, Reminder reminder, boolean workingHoursOnly, QuietHours quietHours, String outcome,
        Integer contactAttempt, String channel, FrequencyCap frequencyCap, Digest digest, String replyTo,
        String unit) {

    public NotificationRule {
        locations = locations == null ? List.of() : List.copyOf(locations);
        templates = templates == null ? List.of() : List.copyOf(templates);
        recipients = recipients == null || recipients.isEmpty() ? List.of("contact_information") : List.copyOf(recipients);
        purpose = purpose == null ? Purpose.TRANSACTIONAL : purpose;
    }

    /** A rule of no unit (the signature with a Reply-To, API 1.4). */
    public NotificationRule(String key, String name, String event, String toStatus, List<String> locations,
            String condition, List<String> templates, List<String> recipients, Purpose purpose, Duration delay,
            boolean enabled, Reminder reminder, boolean workingHoursOnly, QuietHours quietHours, String outcome,
            Integer contactAttempt, String channel, FrequencyCap frequencyCap, Digest digest, String replyTo) {
        this(key, name, event, toStatus, locations, condition, templates, recipients, purpose, delay, enabled, reminder,
                workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, digest, replyTo, null);
    }

    /** The same rule in another unit (null for none). */
    public NotificationRule withUnit(String newUnit) {
        return new NotificationRule(key, name, event, toStatus, locations, condition, templates, recipients,
                purpose, delay, enabled, reminder, workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, digest, replyTo, newUnit);
    }

    /** A rule whose messages take their templates' Reply-To (the signature with a digest, API 1.4). */
    public NotificationRule(String key, String name, String event, String toStatus, List<String> locations,
            String condition, List<String> templates, List<String> recipients, Purpose purpose, Duration delay,
            boolean enabled, Reminder reminder, boolean workingHoursOnly, QuietHours quietHours, String outcome,
            Integer contactAttempt, String channel, FrequencyCap frequencyCap, Digest digest) {
        this(key, name, event, toStatus, locations, condition, templates, recipients, purpose, delay, enabled, reminder,
                workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, digest, null);
    }

    /** A rule that sends each message on its own (the signature with a frequency cap, API 1.4). */
    public NotificationRule(String key, String name, String event, String toStatus, List<String> locations,
            String condition, List<String> templates, List<String> recipients, Purpose purpose, Duration delay,
            boolean enabled, Reminder reminder, boolean workingHoursOnly, QuietHours quietHours, String outcome,
            Integer contactAttempt, String channel, FrequencyCap frequencyCap) {
        this(key, name, event, toStatus, locations, condition, templates, recipients, purpose, delay, enabled, reminder,
                workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, null);
    }

    /** A rule without a frequency cap of its own (the signature of API 1.3). */
    public NotificationRule(String key, String name, String event, String toStatus, List<String> locations,
            String condition, List<String> templates, List<String> recipients, Purpose purpose, Duration delay,
            boolean enabled, Reminder reminder, boolean workingHoursOnly, QuietHours quietHours, String outcome,
            Integer contactAttempt, String channel) {
        this(key, name, event, toStatus, locations, condition, templates, recipients, purpose, delay, enabled, reminder,
                workingHoursOnly, quietHours, outcome, contactAttempt, channel, null);
    }

    /** A rule without a preferred channel (the signature of API 1.1). */
    public NotificationRule(String key, String name, String event, String toStatus, List<String> locations,
            String condition, List<String> templates, List<String> recipients, Purpose purpose, Duration delay,
            boolean enabled, Reminder reminder, boolean workingHoursOnly, QuietHours quietHours, String outcome,
            Integer contactAttempt) {
        this(key, name, event, toStatus, locations, condition, templates, recipients, purpose, delay, enabled, reminder,
                workingHoursOnly, quietHours, outcome, contactAttempt, null);
    }

    public NotificationRule(String key, String name, String event, String toStatus, List<String> locations,
            String condition, List<String> templates, List<String> recipients, Purpose purpose, Duration delay,
            boolean enabled) {
        this(key, name, event, toStatus, locations, condition, templates, recipients, purpose, delay, enabled, null,
                false, null, null, null);
    }

    /** The same rule under another key and other fields kept (bulk copies). */
    public NotificationRule withKeyAndLocations(String newKey, List<String> newLocations) {
        return new NotificationRule(newKey, name, event, toStatus, newLocations, condition, templates, recipients,
                purpose, delay, enabled, reminder, workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, digest, replyTo, unit);
    }

    public NotificationRule withTemplates(List<String> newTemplates) {
        return new NotificationRule(key, name, event, toStatus, locations, condition, newTemplates, recipients,
                purpose, delay, enabled, reminder, workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, digest, replyTo, unit);
    }

    public NotificationRule withChannel(String newChannel) {
        return new NotificationRule(key, name, event, toStatus, locations, condition, templates, recipients,
                purpose, delay, enabled, reminder, workingHoursOnly, quietHours, outcome, contactAttempt, newChannel, frequencyCap, digest, replyTo, unit);
    }

    /** The same rule switched on or off. */
    public NotificationRule withEnabled(boolean newEnabled) {
        return new NotificationRule(key, name, event, toStatus, locations, condition, templates, recipients,
                purpose, delay, newEnabled, reminder, workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, digest, replyTo, unit);
    }

    /** The same rule with replies going to this address (null for its templates'). */
    public NotificationRule withReplyTo(String newReplyTo) {
        return new NotificationRule(key, name, event, toStatus, locations, condition, templates, recipients,
                purpose, delay, enabled, reminder, workingHoursOnly, quietHours, outcome, contactAttempt, channel, frequencyCap, digest, newReplyTo, unit);
    }

    public NotificationRule withKey(String newKey) {
        return withKeyAndLocations(newKey, locations);
    }
}
