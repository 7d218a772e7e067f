package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.WebhookDeliveryStatus;
import io.tidings.api.webhook.Webhooks;

@Service
@Command(scope = "tidings", name = "webhook-deliveries",
        description = "Lists a webhook's newest deliveries: status, attempts, last error, next attempt")
public class WebhookDeliveriesCommand implements Action {

    @Reference(optional = true)
    Webhooks webhooks;

    @Option(name = "--status", description = "Only PENDING, DELIVERED or FAILED")
    String status;

    @Option(name = "--limit", description = "At most this many")
    int limit = 50;

    @Argument(index = 0, name = "key", description = "The webhook's name", required = true)
    String key;

    @Override
    public Object execute() throws Exception {
        Webhooks hooks = Services.require(webhooks, "the webhooks");
        if (hooks.webhook(key).isEmpty()) {
            throw new IllegalArgumentException("no webhook '" + key + "'");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        print(hooks.deliveries(key, WebhookDeliveryStatus.parse(status, "--status"), limit));
        return null;
    }

    static void print(List<WebhookDelivery> deliveries) {
        ShellTable table = new ShellTable().emptyTableText("no deliveries");
        table.column("Delivery");
        table.column("Event");
        table.column("Status");
        table.column("Attempts");
        table.column("Last error");
        table.column("Next attempt");
        table.column("Created");
        for (WebhookDelivery d : deliveries) {
            table.addRow().addContent(d.id(), d.event().wireName(), d.status(), d.attempts(),
                    Format.cell(d.lastError(), 50), Format.time(d.nextAttemptAt()), Format.time(d.createdAt()));
        }
        table.print(System.out);
    }
}
