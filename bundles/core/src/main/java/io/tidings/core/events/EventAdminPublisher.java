package io.tidings.core.events;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;

/**
 * Publishes each status change on OSGi EventAdmin, topic {@code io/tidings/communication/<STATUS>},
 * asynchronously, with the properties {@code id, rule, template, channel, medium, entity, status,
 * reason} (and {@code entity.type}, {@code entity.id}); never a body, a subject or an address.
 * EventAdmin is a dynamic optional reference, so Tidings runs without one and starts publishing
 * when one arrives.
 */
@Component(service = StatusListener.class)
public class EventAdminPublisher implements StatusListener {

    public static final String TOPIC_PREFIX = "io/tidings/communication/";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Override
    public void changed(Communication c, CommunicationStatus status, String reason, String channel) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(TOPIC_PREFIX + status.name(), properties(c, status, reason, channel)));
        }
    }

    @Override
    public boolean listening() {
        return eventAdmin != null;
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
