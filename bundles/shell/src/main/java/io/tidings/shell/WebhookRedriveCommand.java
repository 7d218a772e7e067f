package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.Webhooks;

@Service
@Command(scope = "tidings", name = "webhook-redrive",
        description = "Queues a FAILED webhook delivery again, due now, with its same delivery id")
public class WebhookRedriveCommand implements Action {

    @Reference(optional = true)
    Webhooks webhooks;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "key", description = "The webhook's name", required = true)
    String key;

    @Argument(index = 1, name = "delivery", description = "The delivery's id", required = true)
    String delivery;

    @Override
    public Object execute() throws Exception {
        AuditTrail trail = Services.require(audit, "the audit trail");
        WebhookDelivery redriven;
        try {
            redriven = Services.require(webhooks, "the webhooks").redrive(key, delivery)
                    .orElseThrow(() -> new IllegalArgumentException("webhook '" + key + "' has no delivery '" + delivery
                            + "'"));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        ShellAudit.record(trail, "redriven", "webhook", key, "delivery " + delivery);
        WebhookDeliveriesCommand.print(List.of(redriven));
        return null;
    }
}
