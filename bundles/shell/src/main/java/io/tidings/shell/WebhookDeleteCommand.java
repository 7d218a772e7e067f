package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.webhook.Webhooks;

@Service
@Command(scope = "tidings", name = "webhook-delete", description = "Removes a webhook and its deliveries")
public class WebhookDeleteCommand implements Action {

    @Reference(optional = true)
    Webhooks webhooks;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "key", description = "The webhook's name", required = true)
    String key;

    @Override
    public Object execute() throws Exception {
        AuditTrail trail = Services.require(audit, "the audit trail");
        if (!Services.require(webhooks, "the webhooks").delete(key)) {
            throw new IllegalArgumentException("no webhook '" + key + "'");
        }
        ShellAudit.record(trail, "deleted", "webhook", key, null);
        System.out.println("webhook " + key + " deleted");
        return null;
    }
}
