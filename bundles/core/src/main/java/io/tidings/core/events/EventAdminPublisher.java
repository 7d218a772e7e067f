package io.tidings.core.events;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;

/**
 * Publishes each status change on OSGi EventAdmin, topic {@code io/tidings/communication/<STATUS>},
 * asynchronously, with the properties {@code id, rule, template, channel, medium, entity, status,
 * reason} (and {@code entity.type}, {@code entity.id}); never a body, a subject or an address. This
 * component exists only while an EventAdmin does, so Tidings runs without one; the engine tracks it
 * through a dynamic optional reference.
 */
@Component(service = StatusListener.class)
public class EventAdminPublisher implements StatusListener {

    public static final String TOPIC_PREFIX = "io/tidings/communication/";

    @Reference
    private EventAdmin eventAdmin;

    @Override
    public void changed(Communication c, CommunicationStatus status, String reason, String channel) {
        eventAdmin.postEvent(new Event(TOPIC_PREFIX + status.name(), properties(c, status, reason, channel)));
    }

    static Map<String, Object> properties(Communication c, CommunicationStatus status, String reason, String channel) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", c.id());
        properties.put("rule", text(c.ruleKey()));
        properties.put("template", text(c.templateKey()));
        properties.put("channel", text(channel != null ? channel : c.channel()));
        properties.put("medium", c.medium() == null ? "" : c.medium().name());
        properties.put("entity", c.entity() == null ? "" : c.entity().type() + ":" + c.entity().id());
        properties.put("entity.type", c.entity() == null ? "" : text(c.entity().type()));
        properties.put("entity.id", c.entity() == null ? "" : text(c.entity().id()));
        properties.put("status", status.name());
        properties.put("reason", text(reason));
        return properties;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
