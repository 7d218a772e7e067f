package io.tidings.webconsole.page;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.WebhookDeliveryStatus;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * The host's webhooks: the list, a form to register or change one (the secret is write-only: left
 * empty, the stored one is kept), deletion with confirmation, and one webhook's recent deliveries
 * with a redrive for those that FAILED.
 */
final class WebhookPages {

    static final int DELIVERIES = 50;

    private final ConsoleServices services;

    WebhookPages(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        Html html = new Html().add("<h3>Webhooks to the host</h3>");
        List<Webhook> hooks = services.webhooks().webhooks();
        if (hooks.isEmpty()) {
            html.add("<p>No webhook is registered.</p>");
        } else {
            html.add("<table class='nicetable'><tr><th>Key</th><th>URL</th><th>Events</th><th>Secret</th>"
                    + "<th>Updated</th><th></th></tr>");
            for (Webhook w : hooks) {
                html.add("<tr><td><a href='{}'>{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        view.link("/webhooks", "key", w.key()), w.key(), w.url(), String.join(", ", names(w)),
                        w.secretSet() ? "set" : "missing", CommunicationPages.time(w.updatedAt()),
                        view.postForm("/webhook/delete", "tidings-inline", Html.of("<input type='hidden' name='key' "
                                + "value='{}'><label><input type='checkbox' name='confirm' value='yes'> Delete {} "
                                + "and its deliveries</label> <button type='submit'>Delete</button>", w.key(), w.key())));
            }
            html.add("</table>");
        }
        String key = view.param("key");
        Optional<Webhook> selected = key == null ? Optional.empty() : services.webhooks().webhook(key);
        html.add(form(view, selected.orElse(null)));
        selected.ifPresent(w -> html.add(deliveries(view, w)));
        return html;
    }

    private static List<String> names(Webhook w) {
        return Arrays.stream(WebhookEvent.values()).filter(w.events()::contains).map(WebhookEvent::wireName).toList();
    }

    private static Html form(View view, Webhook w) {
        Html events = new Html();
        for (WebhookEvent event : WebhookEvent.values()) {
            events.add("<label><input type='checkbox' name='event' value='{}'{}> {}</label> ", event.wireName(),
                    w != null && w.events().contains(event) ? Html.of(" checked") : Html.of(""), event.wireName());
        }
        Html fields = Html.of("{}<label>Key <input name='key' value='{}'{} required></label> "
                + "<label>URL <input name='url' type='url' size='50' value='{}' required></label> "
                + "<label>Secret <input name='secret' type='password' autocomplete='new-password'{}></label> "
                + "<fieldset><legend>Events</legend>{}</fieldset><button type='submit'>{}</button>",
                w == null ? Html.of("") : Html.of("<input type='hidden' name='existing' value='yes'>"),
                w == null ? "" : w.key(), w == null ? Html.of("") : Html.of(" readonly"), w == null ? "" : w.url(),
                w == null ? Html.of(" required") : Html.of(" placeholder='leave empty to keep the stored secret'"),
                events, w == null ? "Register the webhook" : "Save the webhook");
        return Html.of("<h3>{}</h3>{}", w == null ? "Register a webhook" : "Change " + w.key(),
                view.postForm("/webhook/save", "tidings-create", fields));
    }

    private Html deliveries(View view, Webhook w) {
        WebhookDeliveryStatus status = WebhookDeliveryStatus.parse(view.param("status"), "status");
        Html html = Html.of("<h3>Recent deliveries to {}</h3><p>", w.key());
        html.add("<a href='{}'>all</a>", view.link("/webhooks", "key", w.key()));
        for (WebhookDeliveryStatus s : WebhookDeliveryStatus.values()) {
            html.add(" · <a href='{}'>{}</a>", view.link("/webhooks", "key", w.key(), "status", s.name()), s.name());
        }
        html.add("</p>");
        List<WebhookDelivery> list = services.webhooks().deliveries(w.key(), status, DELIVERIES);
        if (list.isEmpty()) {
            return html.add("<p>No deliveries.</p>");
        }
        html.add("<table class='nicetable'><tr><th>Delivery</th><th>Event</th><th>Status</th><th>Attempts</th>"
                + "<th>Last error</th><th>Next attempt</th><th>Created</th><th></th></tr>");
        for (WebhookDelivery d : list) {
            Html redrive = d.status() != WebhookDeliveryStatus.FAILED ? new Html()
                    : view.postForm("/webhook/redrive", "tidings-inline", Html.of("<input type='hidden' name='key' "
                            + "value='{}'><input type='hidden' name='delivery' value='{}'><button type='submit'>"
                            + "Redrive</button>", w.key(), d.id()));
            html.add("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    d.id(), d.event().wireName(), d.status(), d.attempts(), d.lastError() == null ? "" : d.lastError(),
                    d.nextAttemptAt() == null ? "" : CommunicationPages.time(d.nextAttemptAt()),
                    CommunicationPages.time(d.createdAt()), redrive);
        }
        return html.add("</table>");
    }

    Redirect save(View view) {
        Webhook saved = services.webhooks().save(view.param("key"), view.param("url"), view.raw("secret"),
                view.params("event"));
        return new Redirect(Html.link("/webhooks", "key", saved.key()), Flash.done("Saved the webhook " + saved.key()
                + "."));
    }

    Redirect delete(View view) {
        String key = view.param("key");
        if (!"yes".equals(view.param("confirm"))) {
            return new Redirect("/webhooks", Flash.refused("Not deleted: tick the box to confirm that " + key
                    + " and its deliveries are to be deleted.", "confirm"));
        }
        if (!services.webhooks().delete(key)) {
            return new Redirect("/webhooks", Flash.refused("No webhook " + key + " (deleted already?).", "key"));
        }
        return new Redirect("/webhooks", Flash.done("Deleted the webhook " + key + " and its deliveries."));
    }

    Redirect redrive(View view) {
        String key = view.param("key");
        String delivery = view.param("delivery");
        String back = Html.link("/webhooks", "key", key == null ? "" : key);
        try {
            return services.webhooks().redrive(key, delivery)
                    .map(d -> new Redirect(back, Flash.done("Delivery " + delivery + " is queued again, due now.")))
                    .orElse(new Redirect(back, Flash.refused("No delivery " + delivery + " of " + key + ".", "delivery")));
        } catch (IllegalStateException e) {
            return new Redirect(back, Flash.refused(e.getMessage(), "delivery"));
        }
    }
}
