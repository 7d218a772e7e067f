package io.tidings.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelSummary;

@Service
@Command(scope = "tidings", name = "channels", description = "Lists the installed channels, highest priority first")
public class ChannelsCommand implements Action {

    /** The routing keys are service properties, which an injected service would not show. */
    @Reference
    BundleContext context;

    @Override
    public Object execute() throws Exception {
        List<ChannelSummary> rows = new ArrayList<>();
        Collection<ServiceReference<Channel>> references = context.getServiceReferences(Channel.class, null);
        for (ServiceReference<Channel> reference : references) {
            Channel channel = context.getService(reference);
            try {
                Map<String, Object> properties = new HashMap<>();
                for (String key : reference.getPropertyKeys()) {
                    properties.put(key, reference.getProperty(key));
                }
                rows.add(ChannelSummary.of(channel, properties));
            } finally {
                if (channel != null) {
                    context.ungetService(reference);
                }
            }
        }
        ShellTable table = new ShellTable().emptyTableText("no channel is installed: messages wait in the queue");
        table.column("Name");
        table.column("Media");
        table.column("Priority").alignRight();
        table.column("Available");
        table.column("State");
        rows.sort(ChannelSummary.ROUTING_ORDER);
        for (ChannelSummary row : rows) {
            table.addRow().addContent(row.name(), Format.list(row.media()), row.priority(),
                    row.state().available() ? "yes" : "no", Format.cell(row.state().detail(), 60));
        }
        table.print(System.out);
        return null;
    }
}
