package io.tidings.shell;

import java.util.ArrayList;
import java.util.List;

import io.tidings.api.Communication;

/** Every field of one communication, then its rendered subject and body, for {@code tidings:communication}. */
final class CommunicationDetails {

    private CommunicationDetails() {
    }

    static List<String> lines(Communication c) {
        List<String> lines = new ArrayList<>();
        field(lines, "Id", c.id());
        field(lines, "Status", c.status());
        field(lines, "Reason", c.statusReason());
        field(lines, "Event", c.eventId());
        field(lines, "Entity", c.entity() == null ? null : c.entity().type() + " " + c.entity().id());
        field(lines, "Rule", c.ruleKey());
        field(lines, "Template", c.templateKey() + (c.templateVersion() == null ? "" : " v" + c.templateVersion()));
        field(lines, "Medium", c.medium());
        field(lines, "Channel", c.channel());
        field(lines, "Recipient", c.recipient());
        field(lines, "Language", c.language());
        field(lines, "Attempts", c.attempts());
        field(lines, "Not before", Format.time(c.notBefore()));
        field(lines, "Created", Format.time(c.createdAt()));
        field(lines, "Sent", Format.time(c.sentAt()));
        field(lines, "Provider id", c.providerMessageId());
        if (c.subject() != null) {
            field(lines, "Subject", c.subject());
        }
        lines.add("");
        if (c.body() == null) {
            lines.add("(not rendered yet: templates are rendered when the message is due)");
        } else {
            lines.addAll(c.body().lines().toList());
        }
        return lines;
    }

    private static void field(List<String> lines, String label, Object value) {
        lines.add(String.format("%-12s %s", label + ":", Format.cell(value)));
    }
}
