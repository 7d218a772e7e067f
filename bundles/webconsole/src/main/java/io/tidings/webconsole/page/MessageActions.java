package io.tidings.webconsole.page;

import java.util.Set;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.FailedQuery;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * An operator's actions on one message, as {@code POST /communications/{id}/cancel|retry|resend} and
 * {@code POST /communications/retry} do them through the engine: each a confirmed form post, audited by
 * the console as the REST API audits it.
 */
final class MessageActions {

    private static final Set<CommunicationStatus> NOT_YET_SENT = Set.of(CommunicationStatus.SCHEDULED,
            CommunicationStatus.QUEUED);
    private static final Set<CommunicationStatus> RETRYABLE = Set.of(CommunicationStatus.FAILED,
            CommunicationStatus.QUEUED);
    private static final Set<CommunicationStatus> RESENDABLE = Set.of(CommunicationStatus.SENT,
            CommunicationStatus.DELIVERED, CommunicationStatus.FAILED);

    private final ConsoleServices services;

    MessageActions(ConsoleServices services) {
        this.services = services;
    }

    /** The buttons the message's status allows; empty for a viewer. */
    static Html buttons(View view, Communication c) {
        Html html = new Html();
        if (!view.admin()) {
            return html;
        }
        String who = c.medium() + " " + c.id();
        if (NOT_YET_SENT.contains(c.status())) {
            html.add(button(view, "/communication/cancel", c.id(), "Cancel message",
                    "Cancel message " + who + "? It will not be sent."));
        }
        if (RETRYABLE.contains(c.status())) {
            html.add(button(view, "/communication/retry", c.id(), "Retry", "Retry message " + who + " now?"));
        }
        if (RESENDABLE.contains(c.status())) {
            html.add(button(view, "/communication/resend", c.id(), "Resend",
                    "Send message " + who + " again to its recipient, as a new message?"));
        }
        return html;
    }

    private static Html button(View view, String path, String id, String label, String question) {
        return view.postForm(path, "tidings-inline", Html.of("<input type='hidden' name='id' value='{}'>"
                + "<button type='submit' data-confirm='{}' onclick='return confirm(this.dataset.confirm)'>{}</button>",
                id, question, label));
    }

    Redirect cancel(View view) {
        view.requireAdmin();
        String id = visibleId(view);
        NotificationService engine = services.notifications();
        if (!engine.cancel(id, "cancelled in the web console")) {
            return refused(view, id, "only a message not yet sent can be cancelled");
        }
        return back(view, id, Flash.done("Message " + id + " cancelled: it will not be sent."));
    }

    Redirect retry(View view) {
        view.requireAdmin();
        String id = visibleId(view);
        if (!services.notifications().retry(id)) {
            return refused(view, id, "only a FAILED message or one waiting in the queue can be retried");
        }
        return back(view, id, Flash.done("Message " + id + " is due now and will be sent again."));
    }

    Redirect resend(View view) {
        view.requireAdmin();
        String id = visibleId(view);
        return services.notifications().resend(id)
                .map(copy -> new Redirect(Html.link("/communication", "id", copy),
                        Flash.done("Message " + id + " is sent again as the new message " + copy + ".")))
                .orElseGet(() -> refused(view, id, "only a SENT, DELIVERED or FAILED message can be sent again"));
    }

    /** Every FAILED message of a channel or of a rule, due again now. */
    Redirect retryFailed(View view) {
        view.requireAdmin();
        String channel = view.param("channel");
        String rule = view.param("rule");
        if (channel == null && rule == null) {
            throw new ValidationException("channel", "choose a channel or a rule whose failed messages to retry");
        }
        if (services.scope(view.access()).restricted()) {
            throw new io.tidings.api.access.UnitAccessException(null, "retrying failed messages in bulk spans every"
                    + " unit; an administrator limited to units retries them one by one");
        }
        int retried = services.notifications().retryFailed(new FailedQuery(channel, rule, null, null));
        return new Redirect("/queue", Flash.done(retried + " failed message(s) of " + scope(channel, rule)
                + " are due again now."));
    }

    static String scope(String channel, String rule) {
        if (channel != null && rule != null) {
            return "channel " + channel + " and rule " + rule;
        }
        return channel != null ? "channel " + channel : "rule " + rule;
    }

    private Redirect refused(View view, String id, String why) {
        CommunicationStatus now = services.notifications().communication(id).map(Communication::status).orElse(null);
        if (now == null) {
            throw new ValidationException("id", "there is no message '" + id + "'");
        }
        return back(view, id, Flash.refused("Not done: message " + id + " is " + now + "; " + why + ".", null));
    }

    private static Redirect back(View view, String id, Flash flash) {
        String back = view.param("back");
        return new Redirect(back != null && back.startsWith("/") ? back : Html.link("/communication", "id", id), flash);
    }

    /** The message's id, if the user may see it: another unit's is "no message", as an unknown one is. */
    private String visibleId(View view) {
        String id = id(view);
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        if (scope.restricted() && services.notifications().communication(id)
                .filter(c -> scope.seesRecord(c.unit())).isEmpty()) {
            throw new ValidationException("id", "there is no message '" + id + "'");
        }
        return id;
    }

    private static String id(View view) {
        String id = view.param("id");
        if (id == null) {
            throw new ValidationException("id", "is required: which message");
        }
        return id;
    }
}
