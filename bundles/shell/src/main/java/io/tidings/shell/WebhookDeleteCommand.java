package io.tidings.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.webhook.Webhooks;

@Service
@Command(scope = "tidings", name = "webhook-delete", description = "Removes a webhook and its deliveries")
public class WebhookDeleteCommand extends WebhookChange {

    @Override
    void change(Webhooks hooks, AuditTrail trail) {
        if (!hooks.delete(key)) {
            throw new IllegalArgumentException("no webhook '" + key + "'");
        }
        ShellAudit.record(trail, "deleted", "webhook", key, null);
        System.out.println("webhook " + key + " deleted");
    }
}
