package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionList;
import io.tidings.api.suppression.SuppressionScope;

@Service
@Command(scope = "tidings", name = "suppress",
        description = "Puts an address on the suppression list: no message (or no marketing) goes to it")
public class SuppressCommand implements Action {

    @Reference(optional = true)
    SuppressionList suppressions;

    @Reference(optional = true)
    AuditTrail audit;

    @Option(name = "--scope", description = "ALL (the default) or MARKETING")
    String scope;

    @Argument(index = 0, name = "address", description = "An email address or a phone number", required = true)
    String address;

    @Argument(index = 1, name = "reason", description = "Why (the rest of the line)", required = true, multiValued = true)
    List<String> reason;

    @Override
    public Object execute() throws Exception {
        SuppressionList list = Services.require(suppressions, "the suppression list");
        AuditTrail trail = Services.require(audit, "the audit trail");
        Suppression stored = list.suppress(address, SuppressionScope.parse(scope, "--scope", SuppressionScope.ALL),
                String.join(" ", reason));
        ShellAudit.record(trail, "suppressed", "suppression", AuditEntry.contactKey(stored.address()),
                stored.scope().name());
        SuppressionsCommand.print(List.of(stored));
        return null;
    }
}
