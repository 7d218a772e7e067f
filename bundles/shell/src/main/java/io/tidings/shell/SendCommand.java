package io.tidings.shell;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.tidings.api.Communication;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.api.NotificationService;

/**
 * Sends a message written here to one address, as {@code POST /messages} does: an administrator's
 * test of a gateway, or a word to a customer. The administrator vouches for the recipient's consent
 * to the medium; opt-outs recorded through Tidings still apply.
 */
@Service
@Command(scope = "tidings", name = "send",
        description = "Sends a message written here to an email address or phone number, through the queue and channels")
public class SendCommand implements Action {

    @Reference(optional = true)
    NotificationService notifications;

    @Argument(index = 0, name = "address", description = "An email address, or a phone number (E.164, e.g. +4520123456)",
            required = true)
    String address;

    @Argument(index = 1, name = "text", description = "The text, sent as written", required = true, multiValued = true)
    List<String> words;

    @Option(name = "--subject", description = "The subject (email only; required there)")
    String subject;

    @Option(name = "--name", description = "The recipient's name, for the record")
    String name;

    @Option(name = "--language", description = "The language of the text, e.g. uk, da, fr (default en)")
    String language;

    @Option(name = "--at", description = "Send not before this time, ISO-8601 with an offset (2026-11-24T09:00:00+02:00)")
    String at;

    @Option(name = "--id", description = "An id of your own; the same id twice sends once (default: a new one)")
    String id;

    @Override
    public Object execute() throws Exception {
        NotificationService service = Services.require(notifications, "the notification engine");
        IngestResult result = service.send(ManualMessage.written(id != null ? id : "shell-" + UUID.randomUUID(), address,
                name, language, subject, String.join(" ", words), sendAt()));
        for (String communication : result.communicationIds()) {
            Communication c = service.communication(communication).orElse(null);
            System.out.println(communication + "  " + (c == null ? "" : c.status()
                    + (c.statusReason() == null ? "" : " (" + c.statusReason() + ")"))
                    + (result.duplicate() ? "  (already sent with this id)" : ""));
        }
        return null;
    }

    private OffsetDateTime sendAt() {
        if (at == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at: ISO-8601 with an offset, e.g. 2026-11-24T09:00:00+02:00, not '" + at + "'");
        }
    }
}
