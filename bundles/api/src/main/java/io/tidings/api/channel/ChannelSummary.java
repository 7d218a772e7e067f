package io.tidings.api.channel;

import java.util.Comparator;
import java.util.List;

/**
 * A registered channel as administrators see it (REST API, shell, web console): its routing keys,
 * as the engine read them from its service properties, and the state it reports now. The engine
 * lists them through its {@link ChannelDirectory}.
 *
 * @param name     {@link Channel#NAME}, else the component name, else the channel class's simple name
 * @param media    the media of {@link Channel#MEDIUM} the engine routes ({@code EMAIL}, {@code SMS})
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
}
