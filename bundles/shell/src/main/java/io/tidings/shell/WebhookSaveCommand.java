package io.tidings.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.Webhooks;

@Service
@Command(scope = "tidings", name = "webhook-save",
        description = "Registers a webhook to the host, or changes one (without --secret its secret is kept)")
public class WebhookSaveCommand implements Action {

    @Reference(optional = true)
    Webhooks webhooks;

    @Reference(optional = true)
    AuditTrail audit;

    @Option(name = "--event", description = "communication.status, link.response or sms.reply; repeat for several",
            required = true, multiValued = true)
    List<String> events;

    @Option(name = "--secret", description = "The signing secret (required for a new webhook)")
    String secret;

    @Argument(index = 0, name = "key", description = "The webhook's name", required = true)
    String key;

    @Argument(index = 1, name = "url", description = "The http or https address deliveries are posted to",
            required = true)
    String url;

    @Override
    public Object execute() throws Exception {
        Webhooks hooks = Services.require(webhooks, "the webhooks");
        AuditTrail trail = Services.require(audit, "the audit trail");
        boolean existed = hooks.webhook(key).isPresent();
        Webhook saved = hooks.save(key, url, secret, events);
        ShellAudit.record(trail, existed ? "changed" : "created", "webhook", saved.key(), null);
        WebhooksCommand.print(List.of(saved));
        return null;
    }
}
