package io.tidings.api.webhook;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.tidings.api.ValidationException;

/** What a webhook can be told of, by the name a registration and a delivery's {@code event} use. */
public enum WebhookEvent {
    /** A communication changed status (queued, sent, delivered, failed, suppressed, …). */
    COMMUNICATION_STATUS("communication.status"),
    /** A recipient followed a dynamic link (the record {@code GET /link-responses} lists). */
    LINK_RESPONSE("link.response"),
    /** A phone replied to an SMS on a channel that receives replies. */
    SMS_REPLY("sms.reply");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON: {@code communication.status}, {@code link.response}, {@code sms.reply}. */
    public String wireName() {
        return wireName;
    }

    /** @throws ValidationException naming {@code field} and the event names there are */
    public static WebhookEvent parse(String name, String field) {
        for (WebhookEvent event : values()) {
            if (event.wireName.equals(name == null ? null : name.strip())) {
                return event;
            }
        }
        throw new ValidationException(field, "must be one of " + names() + ", was '" + name + "'");
    }

    /** The event names, for messages and forms. */
    public static String names() {
        return Arrays.stream(values()).map(WebhookEvent::wireName).collect(Collectors.joining(", "));
    }
}
