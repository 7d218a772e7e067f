package io.tidings.webconsole.page;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.DispatchControl;
import io.tidings.api.DispatcherStatus;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelOutcomes;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.webconsole.html.Html;

/**
 * The channels as the engine routes to them: state and why, medium, priority in words, what each sent
 * and failed lately, a link to its configuration form, what waits for a medium no channel serves, whether
 * all sending is paused, and for an administrator pause and resume of all sending, pause, resume and
 * drain of a channel, and a test message (see {@link ChannelActions}).
 */
final class ChannelsPage {

    /** How far back the bounce and complaint rates reach. */
    static final Duration RATES = Duration.ofDays(7);

    /** How far back "lately" reaches. */
    static final Duration RECENT = Duration.ofMinutes(15);

    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};

    /** The engine's send counts as this page saw them, oldest first, to tell what happened lately. */
    private record Snapshot(Instant at, Map<String, long[]> byChannel) {
    }

    private final ConsoleServices services;
    private final Deque<Snapshot> seen = new ArrayDeque<>();

    ChannelsPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        List<ChannelSummary> channels = services.channels();
        DispatchControl control = control();
        Set<String> paused = control == null ? Set.of() : control.pausedChannels();
        Set<String> draining = control == null ? Set.of() : control.drainingChannels();
        Snapshot since = recentCounts();
        Map<String, long[]> now = counts(services.dispatcher());
        Map<String, ChannelOutcomes> outcomes = outcomes();
        Html html = new Html().add("<h2>Channels</h2>");
        if (control != null) {
            html.add(ChannelActions.dispatch(view, control.paused()));
        }
        if (channels.isEmpty()) {
            html.add("<p>No channel is registered: messages wait in the queue until one is.</p>");
        } else {
            html.add("<table class='nicetable tidings-channels'><thead><tr><th>Channel</th><th>Medium</th>"
                    + "<th>Priority</th><th>State</th><th>{}</th><th>Bounces and complaints, last 7 days</th>"
                    + "<th>Configuration</th>{}</tr></thead><tbody>",
                    since == null ? "Sent / errors since the engine started"
                            : "Sent / errors since " + Times.local(since.at()),
                    Html.of(view.admin() ? "<th>Actions</th>" : ""));
            for (ChannelSummary c : channels) {
                long[] total = now.getOrDefault(c.name(), new long[2]);
                long[] before = since == null ? new long[2] : since.byChannel().getOrDefault(c.name(), new long[2]);
                html.add("<tr><th scope='row'>{}</th><td>{}</td><td>{}</td><td class='{}'>{}</td><td>{} sent, {} "
                        + "errors</td><td class='tidings-rates'>{}</td><td>{}</td>{}</tr>", c.name(),
                        String.join(", ", c.media()), priority(c, channels),
                        c.state().available() ? "tidings-done" : "tidings-error",
                        draining.contains(c.name()) ? drain(control, c.name())
                                : state(c, paused.contains(c.name())), since(total[0], before[0]), since(total[1], before[1]),
                        rates(outcomes, c.name()), configuration(view, c.name()), view.admin() ? Html.of("<td>{}</td>", ChannelActions.buttons(view,
                                c.name(), paused.contains(c.name()))) : new Html());
            }
            html.add("</tbody></table>");
        }
        html.add(unserved(view, channels));
        return view.admin() ? html.add(ChannelActions.testForm(view, channels)) : html;
    }

    /** "first choice for SMS", or a fallback's place, in the routing order of each of its media. */
    static String priority(ChannelSummary channel, List<ChannelSummary> all) {
        if (channel.priority() == Channel.FALLBACK_PRIORITY) {
            return "fallback: used only while no other channel serves " + String.join(" or ", channel.media());
        }
        StringBuilder words = new StringBuilder();
        for (String medium : channel.media()) {
            int place = (int) all.stream().filter(c -> c.media().contains(medium)
                    && ChannelSummary.ROUTING_ORDER.compare(c, channel) < 0).count();
            words.append(words.length() == 0 ? "" : "; ")
                    .append(place < ORDINALS.length ? ORDINALS[place] : (place + 1) + "th").append(" choice for ")
                    .append(medium);
        }
        return words.append(" (priority ").append(channel.priority()).append(')').toString();
    }

    /** Per channel, what the record says of the last 7 days; null while the engine is not there. */
    private Map<String, ChannelOutcomes> outcomes() {
        try {
            Map<String, ChannelOutcomes> byName = new HashMap<>();
            for (ChannelOutcomes o : services.notifications().outcomesByChannel(Instant.now().minus(RATES))) {
                byName.put(o.channel(), o);
            }
            return byName;
        } catch (ConsoleServices.Unavailable e) {
            return null;
        }
    }

    /** "1.5 % bounced (3 of 200 sent), 0.5 % complained (1)", from the record. */
    static String rates(Map<String, ChannelOutcomes> outcomes, String channel) {
        if (outcomes == null) {
            return "unknown: the engine is not available";
        }
        ChannelOutcomes o = outcomes.get(channel);
        if (o == null || o.sent() == 0) {
            return "nothing sent";
        }
        return String.format(java.util.Locale.ROOT, "%.1f %% bounced (%d of %d sent), %.1f %% complained (%d)",
                o.bounceRate() * 100, o.bounced(), o.sent(), o.complaintRate() * 100, o.complained());
    }

    /** What was counted since then; all of it when the engine started again meanwhile. */
    private static long since(long total, long before) {
        return total >= before ? total - before : total;
    }

    private static String state(ChannelSummary c, boolean paused) {
        String state = (c.state().available() ? "up: " : "down: ") + c.state().detail();
        return paused ? state + "; paused by an operator" : state;
    }

    /** DRAINING while the channel has messages in flight, then DRAINED, as {@code POST /channels/{name}/drain} answers. */
    private static String drain(DispatchControl control, String name) {
        int inFlight = control.inFlight(name);
        return inFlight > 0 ? "DRAINING: " + inFlight + " message(s) in flight, given nothing new"
                : "DRAINED: nothing in flight, it can be removed";
    }

    private Html configuration(View view, String name) {
        for (ConsoleServices.ChannelService service : services.channelServices()) {
            if (service.name().equals(name) && service.configurationPid() != null) {
                String configMgr = view.root().substring(0, view.root().lastIndexOf('/')) + "/configMgr/"
                        + service.configurationPid();
                return Html.of("<a href='{}'>Configure {}</a>", configMgr, name);
            }
        }
        return Html.of("<span class='tidings-hint'>no configuration form of its own</span>");
    }

    /** The engine's brakes, or null while the engine is not running. */
    private DispatchControl control() {
        try {
            return services.dispatchControl();
        } catch (ConsoleServices.Unavailable e) {
            return null;
        }
    }

    /** Messages waiting for a medium that no registered channel serves. */
    private Html unserved(View view, List<ChannelSummary> channels) {
        Set<String> served = new TreeSet<>();
        channels.forEach(c -> served.addAll(c.media()));
        Map<String, Integer> waiting = new TreeMap<>();
        for (Communication c : services.notifications().communications(new CommunicationQuery(null, null, null,
                CommunicationStatus.QUEUED, CommunicationQuery.MAX_LIMIT))) {
            if (c.medium() != null && !served.contains(c.medium().name())) {
                waiting.merge(c.medium().name(), 1, Integer::sum);
            }
        }
        if (waiting.isEmpty()) {
            return Html.of("<p>Every waiting message has a channel for its medium.</p>");
        }
        Html html = new Html().add("<h3>Waiting for a medium no channel serves</h3><ul class='tidings-unserved'>");
        waiting.forEach((medium, count) -> html.add("<li><a href='{}'>{} {} message(s)</a> wait: no channel serves {}."
                + "</li>", view.link("/communications", "status", "QUEUED"), count, medium, medium));
        return html.add("</ul>");
    }

    /** The counts this page saw {@link #RECENT} ago or later, the oldest such; null on a first look. */
    private synchronized Snapshot recentCounts() {
        Instant now = Instant.now();
        while (!seen.isEmpty() && seen.peekFirst().at().isBefore(now.minus(RECENT))) {
            seen.removeFirst();
        }
        Snapshot oldest = seen.peekFirst();
        seen.addLast(new Snapshot(now, counts(services.dispatcher())));
        return oldest;
    }

    /** Sent and errors (failed, retried) by channel, as the engine counted them since it started. */
    static Map<String, long[]> counts(DispatcherStatus status) {
        Map<String, long[]> counts = new HashMap<>();
        if (status == null) {
            return counts;
        }
        for (DispatcherStatus.SendCount count : status.sendCounts()) {
            long[] pair = counts.computeIfAbsent(count.channel(), k -> new long[2]);
            switch (count.outcome()) {
                case "sent" -> pair[0] += count.count();
                case "failed", "retried" -> pair[1] += count.count();
                default -> {
                    // delivered and suppressed are not the channel's sends
                }
            }
        }
        return counts;
    }
}
