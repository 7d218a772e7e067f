package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitTree;
import io.tidings.api.access.Units;

@Service
@Command(scope = "tidings", name = "units", description = "Lists the organisational units as a tree")
public class UnitsCommand implements Action {

    @Reference(optional = true)
    Units units;

    @Override
    public Object execute() throws Exception {
        UnitTree tree = Services.require(units, "the unit store").tree();
        ShellTable table = new ShellTable().emptyTableText("no unit");
        table.column("Key");
        table.column("Name");
        table.column("Parent");
        row(table, tree, null, 0);
        // a unit whose parent is missing from the tree would be left out above; list it at the end
        for (Unit unit : tree.units()) {
            if (unit.parent() != null && !tree.contains(unit.parent())) {
                table.addRow().addContent(unit.key(), Format.cell(unit.name(), 60), unit.parent());
            }
        }
        table.print(System.out);
        return null;
    }

    private static void row(ShellTable table, UnitTree tree, String parent, int depth) {
        for (Unit unit : tree.children(parent)) {
            table.addRow().addContent("  ".repeat(depth) + unit.key(), Format.cell(unit.name(), 60),
                    unit.parent() == null ? "" : unit.parent());
            if (depth < 64) {
                row(table, tree, unit.key(), depth + 1);
            }
        }
    }
}
