package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.log.CommunicationLog;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FeedQuery;

@Service
@Command(scope = "tidings", name = "feed", description = "One contact's or entity's communications (sent, "
        + "received, logged, link responses), newest first, without their text")
public class FeedCommand implements Action {

    @Reference(optional = true)
    CommunicationLog log;

    @Option(name = "--contact-id", description = "The host's id of the contact (contact_information.id)")
    String contactId;

    @Option(name = "--entity-type", description = "With --entity-id: the feed of an entity, e.g. order")
    String entityType;

    @Option(name = "--entity-id", description = "With --entity-type")
    String entityId;

    @Option(name = "--offset", description = "Skip this many of the newest")
    int offset;

    @Option(name = "--limit", description = "At most this many")
    int limit = 20;

    @Override
    public Object execute() throws Exception {
        CommunicationLog service = Services.require(log, "the communication log");
        ShellTable table = new ShellTable().emptyTableText("no communications");
        table.column("At");
        table.column("Type");
        table.column("Medium");
        table.column("Direction");
        table.column("Status");
        table.column("Id");
        table.column("Category");
        for (FeedItem item : service.feed(new FeedQuery(contactId, entityType, entityId, offset, limit))) {
            table.addRow().addContent(Format.time(item.at()), item.type(), item.medium(), item.direction(),
                    Format.cell(item.status()), Format.cell(item.id(), 40), Format.cell(item.category()));
        }
        table.print(System.out);
        return null;
    }
}
