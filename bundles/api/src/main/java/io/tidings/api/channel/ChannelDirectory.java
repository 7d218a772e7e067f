package io.tidings.api.channel;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ContentKind;
import io.tidings.api.Medium;

/**
 * The channels the engine knows, as it routes them: each channel's name, media, priority and the
 * state it reports now. Published by the engine as a service; the REST API, the shell and the web
 * console read it rather than tracking {@link Channel} services themselves.
 */
@ProviderType
public interface ChannelDirectory {

    /** Every registered channel, in {@link ChannelSummary#ROUTING_ORDER}. */
    List<ChannelSummary> channels();

    /**
     * The media declared now: the built-in ones ({@code EMAIL}, {@code SMS}, {@code WEBHOOK}) and every
     * medium a registered channel serves, by name, with its content kind.
     */
    default List<DeclaredMedium> media() {
        java.util.Map<String, DeclaredMedium> media = new java.util.TreeMap<>();
        for (Medium builtIn : List.of(Medium.EMAIL, Medium.SMS, Medium.WEBHOOK)) {
            media.put(builtIn.name(), new DeclaredMedium(builtIn, builtIn.builtInKind().orElseThrow(), List.of()));
        }
        for (ChannelSummary channel : channels()) {
            for (String name : channel.media()) {
                if (!Medium.isName(name)) {
                    continue;
                }
                Medium medium = Medium.of(name);
                DeclaredMedium known = media.get(name);
                List<String> names = new java.util.ArrayList<>(known == null ? List.of() : known.channels());
                names.add(channel.name());
                media.put(name, new DeclaredMedium(medium, known == null ? kind(medium) : known.content(), names));
            }
        }
        return List.copyOf(media.values());
    }

    /**
     * The content kind of a medium: fixed for a built-in medium, as its channels declare it
     * ({@link Channel#CONTENT}) for another, {@link ContentKind#TEXT} while no channel declares it.
     */
    default ContentKind kind(Medium medium) {
        return medium.builtInKind().orElse(ContentKind.TEXT);
    }

    /**
     * The longest text a TEXT medium's channels take: the smallest {@link Channel#MAX_LENGTH} among the
     * channels serving it (any of them may be routed to); empty when none declares one.
     */
    default java.util.OptionalInt maxLength(Medium medium) {
        return java.util.OptionalInt.empty();
    }

    /** The channel of that name, if one is registered. */
    default Optional<ChannelSummary> channel(String name) {
        return channels().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
