package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.AuditTrail;

@Service
@Command(scope = "tidings", name = "api-key-revoke", description = "Revokes an API key: its token is refused from now on")
public class ApiKeyRevokeCommand implements Action {

    @Reference(optional = true)
    ApiKeys keys;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "id", description = "The key's id (tidings:api-keys lists them)", required = true)
    String id;

    @Override
    public Object execute() throws Exception {
        ApiKeys service = Services.require(keys, "the API key store");
        AuditTrail trail = Services.require(audit, "the audit trail");
        if (!service.revoke(id)) {
            throw new IllegalArgumentException("no API key '" + id + "'");
        }
        ShellAudit.record(trail, "revoked", "api-key", id, null);
        System.out.println("API key " + id + " revoked");
        return null;
    }
}
