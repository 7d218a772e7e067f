package io.tidings.webconsole.page;

import java.util.List;
import java.util.Map;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.webconsole.html.Html;

/** Every channel with its routing keys and state, and how many communications are in each status. */
final class OverviewPage {

    private final ConsoleServices services;

    OverviewPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        Html html = new Html().add("<h2>Channels</h2>");
        try {
            html.add(channels(services.channels()));
        } catch (ConsoleServices.Unavailable e) {
            // the counts below come from another service: still worth showing
            html.add("<p class='tidings-error'>{}</p>", e.getMessage());
        }
        html.add("<h2>Communications by status</h2>");
        Map<CommunicationStatus, Long> counts = services.notifications().countByStatus();
        html.add("<table class='nicetable tidings-counts'><thead><tr><th>Status</th><th>Communications</th></tr>"
                + "</thead><tbody>");
        for (CommunicationStatus status : CommunicationStatus.values()) {
            html.add("<tr><td><a href='{}'>{}</a></td><td>{}</td></tr>",
                    view.link("/communications", "status", status.name()), status, counts.getOrDefault(status, 0L));
        }
        return html.add("</tbody></table>");
    }

    private static Html channels(List<ChannelSummary> channels) {
        if (channels.isEmpty()) {
            return Html.of("<p>No channel is installed: messages wait in the queue (status QUEUED,"
                    + " reason no channel).</p>");
        }
        Html html = new Html().add("<table class='nicetable tidings-channels'><thead><tr><th>Name</th><th>Media</th>"
                + "<th>Priority</th><th>Available</th><th>State</th></tr></thead><tbody>");
        for (ChannelSummary channel : channels) {
            html.add("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", channel.name(),
                    String.join(", ", channel.media()), channel.priority() == Channel.FALLBACK_PRIORITY
                            ? "fallback: used while no other channel serves the medium" : channel.priority(),
                    channel.state().available() ? "yes" : "no", channel.state().detail());
        }
        return html.add("</tbody></table>");
    }
}
