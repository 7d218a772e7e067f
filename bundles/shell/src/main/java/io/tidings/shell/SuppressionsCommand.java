package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionList;

@Service
@Command(scope = "tidings", name = "suppressions",
        description = "Lists the suppression list, newest first, or the entry of one address")
public class SuppressionsCommand implements Action {

    @Reference(optional = true)
    SuppressionList suppressions;

    @Option(name = "--limit", description = "At most this many")
    int limit = 50;

    @Argument(index = 0, name = "address", description = "Only this address (an email address or a phone number)")
    String address;

    @Override
    public Object execute() throws Exception {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        SuppressionList list = Services.require(suppressions, "the suppression list");
        List<Suppression> shown = address == null ? list.suppressions(limit)
                : list.suppression(address).map(List::of).orElse(List.of());
        print(shown);
        return null;
    }

    static void print(List<Suppression> entries) {
        ShellTable table = new ShellTable().emptyTableText("no suppressions");
        table.column("Address");
        table.column("Scope");
        table.column("Since");
        table.column("Reason");
        for (Suppression s : entries) {
            table.addRow().addContent(Format.cell(s.address(), 60), s.scope(), Format.time(s.at()),
                    Format.cell(s.reason(), 70));
        }
        table.print(System.out);
    }
}
