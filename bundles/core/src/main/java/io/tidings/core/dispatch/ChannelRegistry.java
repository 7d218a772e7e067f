package io.tidings.core.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tidings.api.ContentKind;
import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;

/**
 * The channels currently registered, ordered for routing: for a medium, the channels that serve
 * it by priority (higher first, then by name); the router takes the first available one.
 */
public final class ChannelRegistry implements ChannelDirectory {

    /** What a channel name may be: it is recorded on communications and named in URLs and rules. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(Channel.NAME_PATTERN);

    /** A channel with its routing keys, read from its service properties. */
    public record Route(Channel channel, String name, List<Medium> media, int priority, ContentKind content,
            Integer maxLength) {
        public Route(Channel channel, String name, List<Medium> media, int priority) {
            this(channel, name, media, priority, null, null);
        }

        public boolean serves(Medium medium) {
            return media.contains(medium);
        }
    }

    /** What a paused channel reports while an operator holds it. */
    public static final String PAUSED = "paused by an operator";
    /** What a drained channel reports while messages handed to it are not answered yet. */
    public static final String DRAINING = "DRAINING";
    /** What a drained channel reports once nothing is in flight: it can be removed. */
    public static final String DRAINED = "DRAINED";

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    /** Paused by name, so a channel that is updated or reinstalled while paused stays paused. */
    private final java.util.Set<String> paused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The paused channels being drained before their removal: their state says whether anything is in flight. */
    private final java.util.Set<String> draining = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How many messages a channel has been handed and not answered yet (the send path's count). */
    private volatile java.util.function.ToIntFunction<String> inFlight = name -> 0;

    /** @return the media the new channel serves */
    public List<Medium> add(Channel channel, Map<String, ?> properties) {
        Route route = routeOf(channel, properties);
        routes.add(route);
        return route.media();
    }

    /** The route of a registered channel, if it is registered. */
    public java.util.Optional<Route> route(Channel channel) {
        return routes.stream().filter(r -> r.channel() == channel).findFirst();
    }

    public void remove(Channel channel) {
        routes.removeIf(r -> r.channel() == channel);
    }

    /**
     * Channels serving the medium, higher priority first. A fallback channel (the devbox) is a
     * candidate only while no other channel serves the medium: a real channel that is down must
     * not send customer email into the devbox.
     */
    public List<Route> candidates(Medium medium) {
        List<Route> result = new ArrayList<>();
        boolean regular = false;
        for (Route route : routes) {
            if (route.serves(medium)) {
                result.add(route);
                regular |= route.priority() != Channel.FALLBACK_PRIORITY;
            }
        }
        if (regular) {
            result.removeIf(r -> r.priority() == Channel.FALLBACK_PRIORITY);
        }
        result.sort(Comparator.comparingInt(Route::priority).reversed().thenComparing(Route::name));
        return result;
    }

    /**
     * Gives the channel nothing until {@link #resume}: routing sees it as unavailable, so its
     * messages fail over or wait, costing no attempt. @return false when no channel has that name
     */
    public boolean pause(String name) {
        if (routes.stream().noneMatch(r -> r.name().equals(name))) {
            return false;
        }
        paused.add(name);
        return true;
    }

    /** @return false when the channel was not paused */
    public boolean resume(String name) {
        draining.remove(name);
        return paused.remove(name);
    }

    /**
     * Pauses the channel ({@link #pause}) to drain it before its removal: it reports
     * {@link #DRAINING} while it has messages in flight, then {@link #DRAINED}.
     *
     * @return false when no channel has that name
     */
    public boolean drain(String name) {
        if (!pause(name)) {
            return false;
        }
        draining.add(name);
        return true;
    }

    /** The channels being drained. */
    public java.util.Set<String> draining() {
        return java.util.Set.copyOf(draining);
    }

    /** Where the in-flight count per channel comes from (the running send path). */
    public void inFlight(java.util.function.ToIntFunction<String> count) {
        this.inFlight = count;
    }

    /** Messages handed to the channel and not answered yet. */
    public int inFlight(String name) {
        return inFlight.applyAsInt(name);
    }

    /** The media of the channels of that name. */
    public List<Medium> media(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).flatMap(r -> r.media().stream()).distinct().toList();
    }

    public java.util.Set<String> paused() {
        return java.util.Set.copyOf(paused);
    }

    /** The state routing goes by: the channel's own, unless an operator paused it. */
    public ChannelState state(Route route) {
        if (draining.contains(route.name())) {
            return ChannelState.unavailable(inFlight(route.name()) > 0 ? DRAINING : DRAINED);
        }
        return paused.contains(route.name()) ? ChannelState.unavailable(PAUSED) : stateOf(route.channel());
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    @Override
    public List<ChannelSummary> channels() {
        return routes.stream().map(r -> new ChannelSummary(r.name(), r.media().stream().map(Medium::name).toList(),
                r.priority(), state(r))).sorted(ChannelSummary.ROUTING_ORDER).toList();
    }

    /**
     * A built-in medium's kind is fixed; another medium's is what the highest-priority channel serving
     * it declares ({@link Channel#CONTENT}), TEXT while none declares one.
     */
    @Override
    public ContentKind kind(Medium medium) {
        if (medium.isBuiltIn()) {
            return medium.builtInKind().orElseThrow();
        }
        List<Route> serving = new ArrayList<>(routes.stream().filter(r -> r.serves(medium)).toList());
        serving.sort(Comparator.comparingInt(Route::priority).reversed().thenComparing(Route::name));
        return serving.stream().map(Route::content).filter(java.util.Objects::nonNull).findFirst()
                .orElse(ContentKind.TEXT);
    }

    @Override
    public java.util.OptionalInt maxLength(Medium medium) {
        if (medium == Medium.SMS || medium == Medium.EMAIL) {
            return java.util.OptionalInt.empty();
        }
        return routes.stream().filter(r -> r.serves(medium) && r.maxLength() != null).mapToInt(Route::maxLength).min();
    }

    /** Every medium a registered channel serves, each once. */
    public java.util.Set<Medium> servedMedia() {
        java.util.Set<Medium> media = new java.util.TreeSet<>();
        routes.forEach(r -> media.addAll(r.media()));
        return media;
    }

    /** What the channel reports, failures included (see {@link #stateOf}). */
    public static ChannelState stateOfChannel(Channel channel) {
        return stateOf(channel);
    }

    /** A channel that fails to report its state is shown as unavailable rather than failing the listing. */
    static ChannelState stateOf(Channel channel) {
        try {
            ChannelState state = channel.state();
            return state == null ? ChannelState.unavailable("reports no state") : state;
        } catch (RuntimeException e) {
            return ChannelState.unavailable("failed to report its state: " + e.getClass().getSimpleName());
        }
    }

    static Route routeOf(Channel channel, Map<String, ?> properties) {
        Object name = properties.get(Channel.NAME);
        if (name == null) {
            name = properties.get("component.name");
        }
        List<Medium> media = new ArrayList<>();
        Object raw = properties.get(Channel.MEDIUM);
        if (raw instanceof String[] values) {
            for (String v : values) {
                addMedium(media, v);
            }
        } else if (raw instanceof Iterable<?> values) {
            for (Object v : values) {
                addMedium(media, String.valueOf(v));
            }
        } else if (raw != null) {
            for (String v : raw.toString().split(",")) {
                addMedium(media, v);
            }
        }
        int priority = 0;
        Object p = properties.get(Channel.PRIORITY);
        if (p instanceof Number n) {
            priority = n.intValue();
        } else if (p != null) {
            try {
                priority = Integer.parseInt(p.toString().trim());
            } catch (NumberFormatException e) {
                priority = 0;
            }
        }
        String channelName = name != null ? name.toString()
                : !channel.getClass().getSimpleName().isEmpty() ? channel.getClass().getSimpleName()
                : channel.getClass().getName();
        return new Route(channel, channelName, List.copyOf(media), priority,
                ContentKind.parse(properties.get(Channel.CONTENT)), positive(properties.get(Channel.MAX_LENGTH)));
    }

    /** A whole number above 0, else null (no limit). */
    private static Integer positive(Object value) {
        if (value == null) {
            return null;
        }
        try {
            int n = value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void addMedium(List<Medium> media, String value) {
        try {
            Medium medium = Medium.parse(value);
            if (!media.contains(medium)) {
                media.add(medium);
            }
        } catch (IllegalArgumentException e) {
            // not a medium name: nothing can be routed to it
        }
    }
}
