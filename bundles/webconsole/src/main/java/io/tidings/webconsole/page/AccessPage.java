package io.tidings.webconsole.page;

import java.util.List;

import io.tidings.api.access.ApiKey;
import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;
import io.tidings.api.access.IssuedApiKey;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/** API keys of host platforms (issue, revoke) and the newest entries of the audit trail. */
final class AccessPage {

    static final int AUDIT_ENTRIES = 50;

    private final ConsoleServices services;

    AccessPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        Html html = new Html().add("<h3>API keys</h3>");
        List<ApiKey> keys = services.apiKeys().keys();
        if (keys.isEmpty()) {
            html.add("<p>No API key is issued.</p>");
        } else {
            html.add("<table class='nicetable'><tr><th>Name</th><th>Roles</th><th>Created</th><th>Last used</th>"
                    + "<th></th></tr>");
            for (ApiKey key : keys) {
                html.add("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", key.name(),
                        String.join(", ", key.roles()), CommunicationPages.time(key.created()),
                        key.lastUsed() == null ? "never" : CommunicationPages.time(key.lastUsed()),
                        view.postForm("/api-key/revoke", "tidings-inline", Html.of(
                                "<input type='hidden' name='id' value='{}'><button type='submit'>Revoke</button>",
                                key.id())));
            }
            html.add("</table>");
        }
        Html roles = new Html();
        for (String role : ApiKeys.ROLES) {
            roles.add("<label><input type='checkbox' name='role' value='{}'{}> {}</label> ", role,
                    role.equals("tidings-ingest") ? Html.of(" checked") : Html.of(""), role);
        }
        html.add(view.postForm("/api-key/issue", "tidings-create", Html.of(
                "<label>Name <input name='name' required></label> {}<button type='submit'>Issue a key</button>",
                roles)));
        html.add("<h3>Audit trail</h3><p>The newest {} changes (GET /audit has them all).</p>", AUDIT_ENTRIES);
        html.add("<table class='nicetable'><tr><th>At</th><th>Who</th><th>Action</th><th>Object</th><th>Detail</th></tr>");
        for (AuditEntry e : services.audit().entries(new AuditQuery(null, null, null, null, AUDIT_ENTRIES))) {
            html.add("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", CommunicationPages.time(e.at()),
                    e.actor(), e.action(), e.objectType() + (e.objectKey() == null ? "" : " " + e.objectKey()),
                    e.detail() == null ? "" : e.detail());
        }
        return html.add("</table>");
    }

    /** The token is shown in the outcome of the post, the one time it is seen. */
    Redirect issue(View view) {
        IssuedApiKey issued = services.apiKeys().issue(view.param("name"), view.params("role"), null);
        return new Redirect("/access", Flash.done("Issued the key " + issued.key().name() + " ("
                + String.join(", ", issued.key().roles()) + "). Its token, shown this once: " + issued.token()));
    }

    Redirect revoke(View view) {
        String id = view.param("id");
        if (!services.apiKeys().revoke(id)) {
            return new Redirect("/access", Flash.refused("No API key " + id + " (revoked already?).", "id"));
        }
        return new Redirect("/access", Flash.done("Revoked the key " + id + ": its token is refused from now on."));
    }
}
