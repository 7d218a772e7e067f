package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.suppression.SuppressionList;

@Service
@Command(scope = "tidings", name = "unsuppress", description = "Takes an address off the suppression list")
public class UnsuppressCommand implements Action {

    @Reference(optional = true)
    SuppressionList suppressions;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "address", description = "An email address or a phone number", required = true)
    String address;

    @Override
    public Object execute() throws Exception {
        AuditTrail trail = Services.require(audit, "the audit trail");
        if (!Services.require(suppressions, "the suppression list").remove(address)) {
            throw new IllegalArgumentException(address + " is not on the suppression list");
        }
        ShellAudit.record(trail, "unsuppressed", "suppression", AuditEntry.contactKey(address), null);
        System.out.println(address + " is no longer suppressed");
        return null;
    }
}
