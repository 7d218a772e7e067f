package io.tidings.api.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A registered channel as administrators see it (REST API, shell, web console): its routing keys,
 * read from its service properties, and the state it reports now.
 *
 * @param name     {@link Channel#NAME}, else the component name, else {@code unnamed}
 * @param media    {@link Channel#MEDIUM} as declared (a String, a String[], a collection or a comma list)
 * @param priority {@link Channel#PRIORITY}, 0 when absent or not a whole number
 * @param state    what {@link Channel#state()} reports; unavailable, with the reason, when it fails
 */
public record ChannelSummary(String name, List<String> media, int priority, ChannelState state) {

    /** Highest priority first, then by name: the order in which routing tries them. */
    public static final Comparator<ChannelSummary> ROUTING_ORDER = Comparator
            .comparingInt((ChannelSummary channel) -> channel.priority()).reversed()
            .thenComparing(ChannelSummary::name);

    public ChannelSummary {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** Reads the channel's service properties and asks it for its state. */
    public static ChannelSummary of(Channel channel, Map<String, ?> properties) {
        Object name = properties.get(Channel.NAME);
        if (name == null) {
            name = properties.get("component.name");
        }
        return new ChannelSummary(name == null ? "unnamed" : name.toString(),
                media(properties.get(Channel.MEDIUM)), priority(properties.get(Channel.PRIORITY)), stateOf(channel));
    }

    /** A channel that fails to report its state is shown as unavailable rather than failing the listing. */
    static ChannelState stateOf(Channel channel) {
        if (channel == null) {
            return ChannelState.unavailable("service gone");
        }
        try {
            ChannelState state = channel.state();
            return state == null ? ChannelState.unavailable("reports no state") : state;
        } catch (RuntimeException e) {
            return ChannelState.unavailable("failed to report its state: " + e.getClass().getSimpleName());
        }
    }

    static List<String> media(Object value) {
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

    static int priority(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 0 : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
