package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.access.Unit;
import io.tidings.api.access.Units;

@Service
@Command(scope = "tidings", name = "unit-save", description = "Creates or changes an organisational unit")
public class UnitSaveCommand implements Action {

    @Reference(optional = true)
    Units units;

    @Reference(optional = true)
    AuditTrail audit;

    @Option(name = "--parent", description = "The key of the unit above it; none for a unit at the top")
    String parent;

    @Argument(index = 0, name = "key", description = "Lower-case letters, digits and '-', e.g. shop-1", required = true)
    String key;

    @Argument(index = 1, name = "name", description = "What people call it", required = true)
    String name;

    @Override
    public Object execute() throws Exception {
        Units service = Services.require(units, "the unit store");
        AuditTrail trail = Services.require(audit, "the audit trail");
        boolean created = service.save(new Unit(key, name, parent == null || parent.isBlank() ? null : parent));
        ShellAudit.record(trail, created ? "created" : "changed", "unit", key, null);
        System.out.println("unit " + key + (created ? " created" : " changed"));
        return null;
    }
}
