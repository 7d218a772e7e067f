package io.tidings.core.dispatch;

import java.util.ArrayList;
import java.util.List;

import io.tidings.api.Communication;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.rule.NotificationRule;

/**
 * Chooses the channel of one attempt: the rule's preferred channel first when it serves the medium,
 * then the others by priority; the first available one wins (failover), and a message with files
 * goes only to channels that carry them.
 */
final class Router {

    static final String NO_CHANNEL = "no channel";

    /**
     * Why a message waits with no channel of its medium: {@code no channel} for EMAIL and SMS (as it
     * always read), {@code no channel for PUSH} for a medium whose channel bundle is not installed (now).
     */
    static String noChannel(io.tidings.api.Medium medium) {
        return medium == null || medium == io.tidings.api.Medium.EMAIL || medium == io.tidings.api.Medium.SMS
                ? NO_CHANNEL : NO_CHANNEL + " for " + medium;
    }

    /** The verdict for one attempt. */
    sealed interface Routing {
    }

    /** Send through this channel. */
    record Chosen(ChannelRegistry.Route route) implements Routing {
    }

    /** No channel serves the medium: wait (costing no attempt) until one arrives. */
    record NoChannel() implements Routing {
    }

    /**
     * Channels serve the medium but none is available now: wait (costing no attempt) until one
     * becomes available — nothing left Tidings.
     */
    record Unavailable(String reason) implements Routing {
    }

    /** Channels serve the medium but none can carry this message (its files): retry, then fail. */
    record Incapable(String reason) implements Routing {
    }

    private final ChannelRegistry channels;

    Router(ChannelRegistry channels) {
        this.channels = channels;
    }

    Routing route(Communication c, NotificationRule rule, boolean withFiles) {
        List<ChannelRegistry.Route> candidates = candidates(c, rule);
        if (withFiles && !candidates.isEmpty()) {
            // a channel that cannot carry the files would drop them silently
            candidates = candidates.stream().filter(r -> r.channel().capabilities().attachments()).toList();
            if (candidates.isEmpty()) {
                return new Incapable("no " + c.medium() + " channel carries attachments");
            }
        }
        if (candidates.isEmpty()) {
            return new NoChannel();
        }
        StringBuilder unavailable = new StringBuilder();
        for (ChannelRegistry.Route candidate : candidates) {
            ChannelState state = channels.state(candidate);
            if (state.available()) {
                return new Chosen(candidate);
            }
            unavailable.append(unavailable.length() == 0 ? "" : "; ").append(candidate.name()).append(": ")
                    .append(state.detail());
        }
        return new Unavailable("no channel available (" + unavailable + ")");
    }

    /** The candidates by priority, the rule's preferred channel first when it serves the medium. */
    List<ChannelRegistry.Route> candidates(Communication c, NotificationRule rule) {
        List<ChannelRegistry.Route> candidates = channels.candidates(c.medium());
        String preferred = rule == null ? null : rule.channel();
        if (preferred == null || candidates.size() < 2 || preferred.equals(candidates.get(0).name())) {
            return candidates;
        }
        List<ChannelRegistry.Route> ordered = new ArrayList<>(candidates.size());
        for (ChannelRegistry.Route route : candidates) {
            if (route.name().equals(preferred)) {
                ordered.add(0, route);
            } else {
                ordered.add(route);
            }
        }
        return ordered;
    }
}
