package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.channel.OutboundMessage;

@Service
@Command(scope = "tidings", name = "devbox", description = "Lists the messages the devbox channel kept, newest first")
public class DevboxCommand implements Action {

    @Reference(optional = true)
    MessageArchive archive;

    @Reference(optional = true)
    AuditTrail audit;

    @Option(name = "--limit", description = "At most this many")
    int limit = 20;

    @Option(name = "--clear", description = "Forget every kept message")
    boolean clear;

    @Override
    public Object execute() throws Exception {
        MessageArchive devbox = Services.require(archive, "the devbox (no message archive is installed)");
        if (clear) {
            AuditTrail trail = Services.require(audit, "the audit trail");
            devbox.clear();
            ShellAudit.record(trail, "cleared", "devbox", null, null);
            System.out.println("devbox cleared");
            return null;
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        ShellTable table = new ShellTable().emptyTableText("the devbox is empty");
        table.column("Received");
        table.column("Channel");
        table.column("Medium");
        table.column("Recipient");
        table.column("Language");
        table.column("Subject / text");
        table.column("Communication");
        for (MessageArchive.Entry entry : devbox.messages(limit)) {
            OutboundMessage m = entry.message();
            table.addRow().addContent(Format.time(entry.receivedAt()), entry.channel(), m.medium(),
                    Format.cell(m.recipient(), 40), Format.cell(m.language()),
                    Format.cell(m.subject() != null ? m.subject() : m.text(), 60), m.communicationId());
        }
        table.print(System.out);
        return null;
    }
}
