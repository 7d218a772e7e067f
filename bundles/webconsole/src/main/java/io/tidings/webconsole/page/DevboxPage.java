package io.tidings.webconsole.page;

import java.util.List;

import io.tidings.api.CommunicationQuery;
import io.tidings.api.channel.Attachment;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/** What the devbox kept, newest first: subject, text, and the HTML in a frame that runs nothing. */
final class DevboxPage {

    static final int DEFAULT_LIMIT = 50;

    private final ConsoleServices services;

    DevboxPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        MessageArchive archive = services.archive();
        if (archive == null) {
            return Html.of("<p>No message archive is installed: the devbox channel is off "
                    + "(<code>enabled=false</code> in etc/io.tidings.channel.devbox.cfg).</p>");
        }
        int limit = CommunicationQuery.limit(view.param("limit"), DEFAULT_LIMIT);
        List<MessageArchive.Entry> entries = archive.messages(limit);
        Html html = new Html().add(view.postForm("/devbox/clear", "tidings-inline",
                Html.of("<button type='submit'>Forget every kept message</button>")));
        if (entries.isEmpty()) {
            return html.add("<p>The devbox keeps nothing yet.</p>");
        }
        html.add("<p>The newest {} kept messages.</p>", entries.size());
        for (MessageArchive.Entry entry : entries) {
            OutboundMessage m = entry.message();
            html.add("<article class='tidings-message'><h3>{}</h3><p>{} to {}{} in {}, kept by {} at {} · "
                    + "<a href='{}'>communication</a></p>", m.subject() == null ? m.medium() + " message" : m.subject(),
                    m.medium(), m.recipient(), m.recipientName() == null ? "" : " (" + m.recipientName() + ")",
                    m.language(), entry.channel(), CommunicationPages.time(entry.receivedAt()),
                    view.link("/communication", "id", m.communicationId()));
            if (m.html() != null) {
                html.add(TemplatePages.sandboxed(m.html(), "HTML of the message to " + m.recipient()));
            }
            html.add("<pre class='tidings-body'>\n{}</pre>", m.text());
            if (!m.attachments().isEmpty()) {
                html.add("<ul class='tidings-files'>");
                for (Attachment a : m.attachments()) {
                    html.add("<li>{} ({}{})</li>", a.filename(), a.contentType(), a.inline() ? ", inline" : "");
                }
                html.add("</ul>");
            }
            html.add("</article>");
        }
        return html;
    }

    Redirect clear(View view) {
        MessageArchive archive = services.archive();
        if (archive == null) {
            return new Redirect("/devbox", Flash.refused("No message archive is installed.", null));
        }
        archive.clear();
        return new Redirect("/devbox", Flash.done("The devbox forgot every kept message."));
    }
}
