package io.tidings.rest.json;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelSummary;

/**
 * {@code [{"name","media","priority","available","state"}]}, from each channel service's routing
 * properties and its {@link Channel#state()}, highest priority first.
 */
public final class ChannelJson {

    /** One registered channel with its service properties. */
    public record Registration(Channel channel, Map<String, Object> properties) {
        public Registration {
            properties = Map.copyOf(properties);
        }
    }

    private ChannelJson() {
    }

    public static ArrayNode write(Collection<Registration> registrations) {
        ArrayNode array = JsonCodec.array();
        registrations.stream().map(r -> ChannelSummary.of(r.channel(), r.properties()))
                .sorted(ChannelSummary.ROUTING_ORDER).forEach(summary -> {
                    ObjectNode json = array.addObject();
                    json.put("name", summary.name());
                    ArrayNode media = json.putArray("media");
                    summary.media().forEach(media::add);
                    json.put("priority", summary.priority());
                    json.put("available", summary.state().available());
                    json.put("state", summary.state().detail());
                });
        return array;
    }
}
