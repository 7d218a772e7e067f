package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.access.IssuedApiKey;

@Service
@Command(scope = "tidings", name = "api-key-create",
        description = "Issues an API key for a host platform and prints its token, the only time it is shown")
public class ApiKeyCreateCommand implements Action {

    @Reference(optional = true)
    ApiKeys keys;

    @Reference(optional = true)
    AuditTrail audit;

    @Option(name = "--role", aliases = "-r", multiValued = true,
            description = "A role the key grants (tidings-ingest, tidings-viewer, tidings-viewer-content, tidings-editor,"
                    + " tidings-admin); repeat for several. Default: tidings-ingest")
    List<String> roles;

    @Option(name = "--unit", description = "The organisational unit the key is limited to (tidings:units lists them)")
    String unit;

    @Argument(index = 0, name = "name", description = "The key's name, e.g. the host platform's", required = true)
    String name;

    @Override
    public Object execute() throws Exception {
        ApiKeys service = Services.require(keys, "the API key store");
        AuditTrail trail = Services.require(audit, "the audit trail");
        IssuedApiKey issued = service.issue(name, roles == null || roles.isEmpty() ? List.of("tidings-ingest") : roles,
                unit == null || unit.isBlank() ? null : unit);
        ShellAudit.record(trail, "issued", "api-key", issued.key().id(),
                "name " + issued.key().name() + ", roles " + String.join(", ", issued.key().roles()));
        System.out.println("id:    " + issued.key().id());
        System.out.println("name:  " + issued.key().name());
        System.out.println("roles: " + String.join(", ", issued.key().roles()));
        System.out.println("token: " + issued.token());
        System.out.println("The token is shown this once; Tidings keeps only its hash.");
        return null;
    }
}
