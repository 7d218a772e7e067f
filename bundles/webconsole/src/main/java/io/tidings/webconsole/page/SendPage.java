package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.tidings.api.Communication;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * A message written here to one address, as {@code POST /messages} sends it: by email when the
 * address has an {@code @}, else by SMS. The administrator confirms the recipient's consent; the
 * opt-outs recorded through Tidings still apply. A refused form comes back as it was typed.
 */
final class SendPage {

    private static final String[] FIELDS = {"address", "name", "language", "subject", "text"};

    private final ConsoleServices services;

    SendPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        Map<String, String> typed = view.flash() == null ? Map.of() : view.flash().values();
        Html fields = new Html()
                .add("<p><label>To <input type='text' name='address' value='{}' size='40' required "
                        + "placeholder='an email address, or a phone number such as +4520123456'></label></p>",
                        typed.get("address"))
                .add("<p><label>Name <input type='text' name='name' value='{}' placeholder='for the record'></label> "
                        + "<label>Language <input type='text' name='language' value='{}' size='6' placeholder='uk'>"
                        + "</label></p>", typed.get("name"), typed.get("language"))
                .add("<p><label>Subject (email) <input type='text' name='subject' value='{}' size='60'></label></p>",
                        typed.get("subject"))
                .add("<p><label>Text<br><textarea name='text' rows='6' cols='80' required>{}</textarea></label></p>",
                        typed.get("text"))
                .add("<p><label><input type='checkbox' name='consent' value='yes'> The recipient agreed to receive "
                        + "messages on this address</label></p><p><button type='submit'>Send</button></p>");
        return Html.of("<h2>Send a message</h2><p>Sent as written, through the queue and the channels; the record "
                + "shows it under the rule tidings.manual.</p>{}", view.postForm("/send", "tidings-send", fields));
    }

    Redirect send(View view) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(field, "text".equals(field) ? view.raw(field) : view.param(field));
        }
        try {
            if (view.param("address") == null) {
                throw new ValidationException("address", "is required: an email address or a phone number");
            }
            if (!"yes".equals(view.param("consent"))) {
                throw new ValidationException("consent",
                        "confirm that the recipient agreed to receive messages on this address");
            }
            NotificationService notifications = services.notifications();
            IngestResult result = notifications.send(ManualMessage.written("console-" + UUID.randomUUID(),
                    view.param("address"), view.param("name"), view.param("language"), view.param("subject"),
                    view.raw("text"), null));
            String id = result.communicationIds().get(0);
            Communication sent = notifications.communication(id).orElse(null);
            String outcome = sent == null ? "accepted" : sent.status().name()
                    + (sent.statusReason() == null ? "" : " (" + sent.statusReason() + ")");
            return new Redirect(Html.link("/communication", "id", id), Flash.done("Message accepted: " + outcome + "."));
        } catch (ValidationException e) {
            return new Redirect("/send", Flash.refused("Not sent: " + e.getMessage(), e.field(), typed));
        }
    }
}
