package io.tidings.rest.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelState;

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

        public String name() {
            Object name = properties.get(Channel.NAME);
            return name == null ? String.valueOf(properties.getOrDefault("component.name", "unnamed")) : name.toString();
        }

        public int priority() {
            Object value = properties.get(Channel.PRIORITY);
            if (value instanceof Number n) {
                return n.intValue();
            }
            try {
                return value == null ? 0 : Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** {@code channel.medium} may be a String, a String[] or a collection. */
        public List<String> media() {
            Object value = properties.get(Channel.MEDIUM);
            List<String> media = new ArrayList<>();
            if (value instanceof String[] array) {
                media.addAll(Arrays.asList(array));
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> media.add(String.valueOf(item)));
            } else if (value != null) {
                for (String part : value.toString().split(",")) {
                    if (!part.isBlank()) {
                        media.add(part.trim());
                    }
                }
            }
            return media;
        }

        /** A channel that fails to report its state is shown as unavailable rather than failing the list. */
        public ChannelState state() {
            try {
                ChannelState state = channel.state();
                return state == null ? ChannelState.unavailable("reports no state") : state;
            } catch (RuntimeException e) {
                return ChannelState.unavailable("failed to report its state: " + e.getClass().getSimpleName());
            }
        }
    }

    private ChannelJson() {
    }

    public static ArrayNode write(Collection<Registration> registrations) {
        List<Registration> sorted = new ArrayList<>(registrations);
        sorted.sort(Comparator.comparingInt(Registration::priority).reversed().thenComparing(Registration::name));
        ArrayNode array = JsonCodec.array();
        for (Registration r : sorted) {
            ObjectNode json = array.addObject();
            ChannelState state = r.state();
            json.put("name", r.name());
            ArrayNode media = json.putArray("media");
            r.media().forEach(media::add);
            json.put("priority", r.priority());
            json.put("available", state.available());
            json.put("state", state.detail());
        }
        return array;
    }
}
