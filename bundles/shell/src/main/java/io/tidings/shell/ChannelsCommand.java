package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;

@Service
@Command(scope = "tidings", name = "channels", description = "Lists the installed channels, highest priority first")
public class ChannelsCommand implements Action {

    @Reference(optional = true)
    ChannelDirectory directory;

    @Override
    public Object execute() throws Exception {
        ChannelDirectory channels = Services.require(directory, "the notification engine (ChannelDirectory)");
        ShellTable table = new ShellTable().emptyTableText("no channel is installed: messages wait in the queue");
        table.column("Name");
        table.column("Media");
        table.column("Priority").alignRight();
        table.column("Available");
        table.column("State");
        for (ChannelSummary row : channels.channels()) {
            table.addRow().addContent(row.name(), Format.list(row.media()), row.priority(),
                    row.state().available() ? "yes" : "no", Format.cell(row.state().detail(), 60));
        }
        table.print(System.out);
        return null;
    }
}
