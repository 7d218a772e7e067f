package io.tidings.shell;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.api.webhook.Webhooks;

@Service
@Command(scope = "tidings", name = "webhooks", description = "Lists the host's webhooks (never their secrets)")
public class WebhooksCommand implements Action {

    @Reference(optional = true)
    Webhooks webhooks;

    @Override
    public Object execute() throws Exception {
        print(Services.require(webhooks, "the webhooks").webhooks());
        return null;
    }

    static void print(List<Webhook> hooks) {
        ShellTable table = new ShellTable().emptyTableText("no webhooks");
        table.column("Key");
        table.column("URL");
        table.column("Events");
        table.column("Secret");
        table.column("Updated");
        for (Webhook w : hooks) {
            table.addRow().addContent(w.key(), Format.cell(w.url(), 80), Format.list(Arrays.stream(WebhookEvent.values())
                    .filter(w.events()::contains).map(WebhookEvent::wireName).toList()),
                    w.secretSet() ? "set" : "missing", Format.time(w.updatedAt()));
        }
        table.print(System.out);
    }
}
