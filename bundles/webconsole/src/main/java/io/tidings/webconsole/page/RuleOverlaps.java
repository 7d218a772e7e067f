package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.tidings.api.rule.NotificationRule;

/**
 * Pairs of enabled rules that would both match the same event: the same trigger (event, status,
 * outcome, contact attempt, reminder) and condition, and locations that overlap (a rule without
 * locations matches every location). A customer then gets both rules' messages, often the same one
 * twice, as after a copy to locations that left the original for all locations.
 */
final class RuleOverlaps {

    /** Two rules that match the same events, and where. */
    record Overlap(NotificationRule first, NotificationRule second) {

        /** "kyiv", "every location", for the warning. */
        String where() {
            if (first.locations().isEmpty() && second.locations().isEmpty()) {
                return "every location";
            }
            if (first.locations().isEmpty()) {
                return String.join(", ", second.locations());
            }
            if (second.locations().isEmpty()) {
                return String.join(", ", first.locations());
            }
            return String.join(", ", first.locations().stream().filter(second.locations()::contains).toList());
        }

        String warning() {
            return "Warning: rules " + first.key() + " and " + second.key() + " both match " + first.event()
                    + " at " + where() + ": a customer gets the messages of both.";
        }
    }

    private RuleOverlaps() {
    }

    static List<Overlap> among(List<NotificationRule> rules) {
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (overlap(rules.get(i), rules.get(j))) {
                    overlaps.add(new Overlap(rules.get(i), rules.get(j)));
                }
            }
        }
        return overlaps;
    }

    /** The overlaps that involve one of the given rules (just created or copied). */
    static List<Overlap> involving(List<NotificationRule> rules, List<String> keys) {
        return among(rules).stream()
                .filter(o -> keys.contains(o.first().key()) || keys.contains(o.second().key())).toList();
    }

    static boolean overlap(NotificationRule a, NotificationRule b) {
        return a.enabled() && b.enabled() && Objects.equals(a.event(), b.event())
                && Objects.equals(lower(a.toStatus()), lower(b.toStatus()))
                && Objects.equals(lower(a.outcome()), lower(b.outcome()))
                && Objects.equals(a.contactAttempt(), b.contactAttempt())
                && Objects.equals(a.reminder(), b.reminder())
                && Objects.equals(normal(a.condition()), normal(b.condition()))
                && (a.locations().isEmpty() || b.locations().isEmpty()
                        || a.locations().stream().anyMatch(b.locations()::contains));
    }

    private static String lower(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }

    private static String normal(String condition) {
        return condition == null || condition.isBlank() ? null : condition.replaceAll("\\s+", " ").trim();
    }
}
