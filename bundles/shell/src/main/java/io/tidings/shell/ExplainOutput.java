package io.tidings.shell;

import java.util.ArrayList;
import java.util.List;

import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RulePlan;

/** The lines of {@code tidings:explain}: per rule whether it matches and why not, per message who, how and when. */
final class ExplainOutput {

    private ExplainOutput() {
    }

    static List<String> lines(List<RulePlan> plans) {
        List<String> lines = new ArrayList<>();
        if (plans.isEmpty()) {
            lines.add("No rules: nothing would be sent");
        }
        for (RulePlan plan : plans) {
            if (!plan.matched()) {
                lines.add("Rule " + plan.ruleKey() + ": no match - " + Format.cell(plan.reason()));
                continue;
            }
            lines.add("Rule " + plan.ruleKey() + ": matches, " + plan.messages().size()
                    + (plan.messages().size() == 1 ? " message" : " messages")
                    + (plan.reason() == null ? "" : " (" + plan.reason() + ")"));
            plan.messages().forEach(m -> lines.add("  " + message(m)));
        }
        return lines;
    }

    private static String message(PlannedMessage m) {
        StringBuilder line = new StringBuilder();
        line.append(Format.cell(m.medium())).append(' ').append(Format.cell(m.templateKey()))
                .append(" to ").append(m.recipient() == null ? "(no address)" : m.recipient());
        if (m.recipientName() != null) {
            line.append(" (").append(m.recipientName()).append(')');
        }
        line.append(", language ").append(Format.cell(m.language()));
        if (m.suppressedReason() != null) {
            return line.append(": not sent - ").append(m.suppressedReason()).toString();
        }
        line.append(", not before ").append(Format.time(m.notBefore()));
        if (m.deadline() != null) {
            line.append(", never at or after ").append(Format.time(m.deadline()));
        }
        return line.toString();
    }
}
