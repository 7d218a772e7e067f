package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.access.Units;

@Service
@Command(scope = "tidings", name = "unit-delete", description = "Deletes an organisational unit nothing belongs to any more")
public class UnitDeleteCommand implements Action {

    @Reference(optional = true)
    Units units;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "key", description = "The unit's key (tidings:units lists them)", required = true)
    String key;

    @Override
    public Object execute() throws Exception {
        Units service = Services.require(units, "the unit store");
        AuditTrail trail = Services.require(audit, "the audit trail");
        if (!service.delete(key)) {
            throw new IllegalArgumentException("no unit '" + key + "'");
        }
        ShellAudit.record(trail, "deleted", "unit", key, null);
        System.out.println("unit " + key + " deleted");
        return null;
    }
}
