package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;

@Service
@Command(scope = "tidings", name = "communications", description = "Lists communications, newest first")
public class CommunicationsCommand implements Action {

    @Reference(optional = true)
    NotificationService notifications;

    @Option(name = "--entity-type", description = "Entity type, e.g. order")
    String entityType;

    @Option(name = "--entity-id", description = "Entity id")
    String entityId;

    @Option(name = "--status", description = "Status, e.g. QUEUED or FAILED")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "--contact", description = "Recipient address (email or phone)")
    String contact;

    @Option(name = "--limit", description = "At most this many")
    int limit = 50;

    @Override
    public Object execute() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        CommunicationQuery query = new CommunicationQuery(entityType, entityId, contact, status(status), limit);
        ShellTable table = new ShellTable().emptyTableText("no communications");
        table.column("Id");
        table.column("Status");
        table.column("Medium");
        table.column("Channel");
        table.column("Recipient");
        table.column("Template");
        table.column("When");
        table.column("Reason");
        for (Communication c : Services.require(notifications, "the notification engine").communications(query)) {
            table.addRow().addContent(c.id(), c.status(), c.medium(), Format.cell(c.channel()),
                    Format.cell(c.recipient(), 40), Format.cell(c.templateKey()), when(c),
                    Format.cell(c.statusReason(), 50));
        }
        table.print(System.out);
        return null;
    }

    /** The moment that matters for the status: when it was sent, else when it may be sent. */
    static String when(Communication c) {
        return c.sentAt() != null ? "sent " + Format.time(c.sentAt()) : "not before " + Format.time(c.notBefore());
    }

    static CommunicationStatus status(String text) {
        try {
            return CommunicationStatus.parse(text);
        } catch (ValidationException e) {
            throw new IllegalArgumentException("--status " + e.reason());
        }
    }
}
