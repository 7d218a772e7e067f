package io.tidings.api.channel;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The channels the engine knows, as it routes them: each channel's name, media, priority and the
 * state it reports now. Published by the engine as a service; the REST API, the shell and the web
 * console read it rather than tracking {@link Channel} services themselves.
 */
@ProviderType
public interface ChannelDirectory {

    /** Every registered channel, in {@link ChannelSummary#ROUTING_ORDER}. */
    List<ChannelSummary> channels();

    /** The channel of that name, if one is registered. */
    default Optional<ChannelSummary> channel(String name) {
        return channels().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
