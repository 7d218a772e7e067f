package io.tidings.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

import io.tidings.api.access.AuditTrail;
import io.tidings.api.webhook.Webhooks;

/** {@code tidings:webhook-delete} and {@code tidings:webhook-redrive}: an audited change to one webhook. */
abstract class WebhookChange implements Action {

    @Reference(optional = true)
    Webhooks webhooks;

    @Reference(optional = true)
    AuditTrail audit;

    @Argument(index = 0, name = "key", description = "The webhook's name", required = true)
    String key;

    @Override
    public Object execute() throws Exception {
        AuditTrail trail = Services.require(audit, "the audit trail");
        change(Services.require(webhooks, "the webhooks"), trail);
        return null;
    }

    /** Makes the change, records it on the trail and tells the operator. */
    abstract void change(Webhooks hooks, AuditTrail trail);
}
