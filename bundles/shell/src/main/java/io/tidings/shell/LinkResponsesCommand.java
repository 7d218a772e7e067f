package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.link.DynamicLinks;
import io.tidings.api.link.LinkResponse;

@Service
@Command(scope = "tidings", name = "link-responses",
        description = "Lists the dynamic links recipients followed (opt-ins, opt-outs, acceptances)")
public class LinkResponsesCommand implements Action {

    @Reference(optional = true)
    DynamicLinks links;

    @Option(name = "--entity-type", description = "Entity type, e.g. service_request")
    String entityType;

    @Option(name = "--entity-id", description = "Entity id")
    String entityId;

    @Option(name = "--limit", description = "At most this many")
    int limit = 50;

    @Override
    public Object execute() throws Exception {
        ShellTable table = new ShellTable().emptyTableText("no link followed");
        table.column("At");
        table.column("Action");
        table.column("Address");
        table.column("Entity");
        table.column("Communication");
        for (LinkResponse r : Services.require(links, "the notification engine").responses(entityType, entityId, null,
                Math.max(1, limit))) {
            table.addRow().addContent(Format.time(r.at()), r.action().tag(), r.address(),
                    Format.cell(r.entityType() + " " + r.entityId()), r.communicationId());
        }
        table.print(System.out);
        return null;
    }
}
