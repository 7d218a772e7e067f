package io.tidings.webconsole.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.webconsole.html.Html;

/**
 * The queue: how many messages wait in each status on each channel, the oldest waiting one, and
 * the bulk retry of the FAILED messages of a channel or rule. The breakdown reads the newest
 * {@link CommunicationQuery#MAX_LIMIT} messages of each status; the totals are the record's own.
 */
final class QueuePage {

    /** The statuses of a message that has not reached its end yet, and FAILED, which an operator retries. */
    static final List<CommunicationStatus> WAITING = List.of(CommunicationStatus.SCHEDULED,
            CommunicationStatus.QUEUED, CommunicationStatus.SENDING, CommunicationStatus.FAILED);

    private static final String NO_CHANNEL = "(no channel yet)";

    private final ConsoleServices services;

    QueuePage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        Map<CommunicationStatus, Long> totals = services.notifications().countByStatus();
        Map<String, Map<CommunicationStatus, Integer>> byChannel = new TreeMap<>();
        Communication oldest = null;
        TreeSet<String> failedRules = new TreeSet<>();
        for (CommunicationStatus status : WAITING) {
            for (Communication c : services.notifications().communications(new CommunicationQuery(null, null, null,
                    status, CommunicationQuery.MAX_LIMIT))) {
                byChannel.computeIfAbsent(c.channel() == null ? NO_CHANNEL : c.channel(), k -> new TreeMap<>())
                        .merge(status, 1, Integer::sum);
                if (status == CommunicationStatus.FAILED && c.ruleKey() != null) {
                    failedRules.add(c.ruleKey());
                }
                if (status == CommunicationStatus.QUEUED && (oldest == null || due(c).isBefore(due(oldest)))) {
                    oldest = c;
                }
            }
        }
        Html html = new Html().add("<h2>Queue</h2><table class='nicetable tidings-queue'><thead><tr><th>Channel</th>");
        WAITING.forEach(s -> html.add("<th>{}</th>", s));
        html.add("</tr></thead><tbody>");
        byChannel.forEach((channel, counts) -> {
            html.add("<tr><th scope='row'>{}</th>", channel);
            WAITING.forEach(s -> html.add("<td><a href='{}'>{}</a></td>", view.link("/communications", "status",
                    s.name(), "channel", NO_CHANNEL.equals(channel) ? null : channel), counts.getOrDefault(s, 0)));
            html.add("</tr>");
        });
        html.add("<tr><th scope='row'>All channels (whole record)</th>");
        WAITING.forEach(s -> html.add("<td>{}</td>", totals.getOrDefault(s, 0L)));
        html.add("</tr></tbody></table>");
        java.util.Optional<Instant> due = services.dispatcher() == null ? java.util.Optional.empty()
                : services.dispatcher().oldestDue();
        due.ifPresent(at -> html.add("<p>The engine's longest-waiting due message has been due since {}.</p>",
                Times.local(at)));
        if (oldest == null) {
            html.add("<p>No message waits in the queue.</p>");
        } else {
            html.add("<p>Oldest waiting message: <a href='{}'>{}</a>, due since {}{}.</p>",
                    view.link("/communication", "id", oldest.id()), oldest.medium() + " " + oldest.id(),
                    Times.local(due(oldest)), oldest.statusReason() == null ? "" : " (" + oldest.statusReason() + ")");
        }
        return view.admin() ? html.add(retryForm(view, byChannel.keySet(), failedRules)) : html;
    }

    private static Html retryForm(View view, java.util.Set<String> channels, TreeSet<String> rules) {
        Html channelOptions = new Html().add("<option value=''>any channel</option>");
        channels.stream().filter(c -> !NO_CHANNEL.equals(c)).forEach(c -> channelOptions.add("<option>{}</option>", c));
        Html ruleOptions = new Html().add("<option value=''>any rule</option>");
        rules.forEach(r -> ruleOptions.add("<option>{}</option>", r));
        return Html.of("<h3>Retry failed messages</h3>{}", view.postForm("/communications/retry", "tidings-retry",
                Html.of("<label>Channel <select name='channel'>{}</select></label> <label>Rule <select name='rule'>{}"
                        + "</select></label> <button type='submit' onclick=\"return confirm('Retry every FAILED "
                        + "message of this channel or rule now?')\">Retry failed messages</button>", channelOptions,
                        ruleOptions)));
    }

    private static Instant due(Communication c) {
        return c.notBefore() != null ? c.notBefore() : c.createdAt();
    }
}
