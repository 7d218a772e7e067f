package io.tidings.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.QuietHours;
import io.tidings.api.rule.Reminder;

/** Rules and events for tests, built field by field. */
public final class Fixtures {

    /** The fixed "now" of the tests. */
    public static final Instant NOW = Instant.parse("2025-03-14T10:00:00Z");

    private Fixtures() {
    }

    public static RuleBuilder rule(String event) {
        return new RuleBuilder(event);
    }

    public static EventBuilder event(String type) {
        return new EventBuilder(type);
    }

    /** A map literal that keeps order and allows nulls, for event data. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static final class RuleBuilder {
        private String key = "rule-1";
        private String name = "Test rule";
        private final String event;
        private String toStatus;
        private List<String> locations = List.of();
        private String condition;
        private List<String> templates = List.of("order-email");
        private List<String> recipients = List.of("contact_information");
        private Purpose purpose = Purpose.TRANSACTIONAL;
        private Duration delay;
        private boolean enabled = true;
        private Reminder reminder;
        private boolean workingHoursOnly;
        private QuietHours quietHours;
        private String outcome;
        private Integer contactAttempt;
        private io.tidings.api.rule.Digest digest;

        public RuleBuilder digest(Duration window) {
            digest = new io.tidings.api.rule.Digest(window);
            return this;
        }

        public RuleBuilder reminder(Reminder value) {
            reminder = value;
            return this;
        }

        public RuleBuilder workingHoursOnly() {
            workingHoursOnly = true;
            return this;
        }

        public RuleBuilder quietHours(String from, String to) {
            quietHours = new QuietHours(LocalTime.parse(from), LocalTime.parse(to));
            return this;
        }

        public RuleBuilder outcome(String value, Integer attempt) {
            outcome = value;
            contactAttempt = attempt;
            return this;
        }

        RuleBuilder(String event) {
            this.event = event;
        }

        public RuleBuilder key(String value) {
            key = value;
            return this;
        }

        public RuleBuilder toStatus(String value) {
            toStatus = value;
            return this;
        }

        public RuleBuilder locations(String... values) {
            locations = List.of(values);
            return this;
        }

        public RuleBuilder condition(String value) {
            condition = value;
            return this;
        }

        public RuleBuilder templates(String... values) {
            templates = new ArrayList<>(List.of(values));
            return this;
        }

        public RuleBuilder recipients(String... values) {
            recipients = new ArrayList<>(List.of(values));
            return this;
        }

        public RuleBuilder recipients(List<String> values) {
            recipients = values;
            return this;
        }

        public RuleBuilder purpose(Purpose value) {
            purpose = value;
            return this;
        }

        public RuleBuilder delay(Duration value) {
            delay = value;
            return this;
        }

        public RuleBuilder disabled() {
            enabled = false;
            return this;
        }

        public NotificationRule build() {
            return new NotificationRule(key, name, event, toStatus, locations, condition, templates, recipients,
                    purpose, delay, enabled, reminder, workingHoursOnly, quietHours, outcome, contactAttempt, null, null,
                    digest);
        }
    }

    public static final class EventBuilder {
        private final String type;
        private OffsetDateTime occurredAt = OffsetDateTime.parse("2025-03-14T11:59:00+02:00");
        private String location;
        private final Map<String, Object> data = new LinkedHashMap<>();

        EventBuilder(String type) {
            this.type = type;
        }

        public EventBuilder at(String isoOffsetDateTime) {
            occurredAt = OffsetDateTime.parse(isoOffsetDateTime);
            return this;
        }

        public EventBuilder location(String value) {
            location = value;
            return this;
        }

        public EventBuilder data(String key, Object value) {
            data.put(key, value);
            return this;
        }

        public BusinessEvent build() {
            String entity = type.substring(0, type.indexOf('.'));
            return new BusinessEvent("evt-" + Math.abs(data.hashCode()), type, occurredAt, location,
                    new EntityRef(entity, "4711"), data);
        }
    }
}
