package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.Webhooks;

@Service
@Command(scope = "tidings", name = "webhook-redrive",
        description = "Queues a FAILED webhook delivery again, due now, with its same delivery id")
public class WebhookRedriveCommand extends WebhookChange {

    @Argument(index = 1, name = "delivery", description = "The delivery's id", required = true)
    String delivery;

    @Override
    void change(Webhooks hooks, AuditTrail trail) {
        WebhookDelivery redriven;
        try {
            redriven = hooks.redrive(key, delivery).orElseThrow(() -> new IllegalArgumentException("webhook '" + key
                    + "' has no delivery '" + delivery + "'"));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        ShellAudit.record(trail, "redriven", "webhook", key, "delivery " + delivery);
        WebhookDeliveriesCommand.print(List.of(redriven));
    }
}
