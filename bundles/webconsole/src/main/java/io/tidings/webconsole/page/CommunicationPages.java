package io.tidings.webconsole.page;

import java.time.Instant;
import java.util.List;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.ValidationException;
import io.tidings.webconsole.html.Html;

/** The record: communications found as {@code GET /communications} finds them, and one in full. */
final class CommunicationPages {

    static final int DEFAULT_LIMIT = 100;

    private final ConsoleServices services;

    CommunicationPages(ConsoleServices services) {
        this.services = services;
    }

    /**
     * The search form, then one page of what it finds; bad input is named under the form, which keeps
     * it for mending. Channel and rule filter the newest {@link CommunicationQuery#MAX_LIMIT} the
     * engine answers for the other criteria.
     */
    Html search(View view) {
        Html html = new Html().add("<form method='get' action='{}' class='tidings-search' accept-charset='UTF-8'>",
                view.link("/communications"));
        html.add(input("Entity type", "entityType", view.param("entityType"), "order"));
        html.add(input("Entity id", "entityId", view.param("entityId"), "1001"));
        html.add(input("Recipient", "contact", view.param("contact"), "email or phone"));
        html.add(input("Channel", "channel", view.param("channel"), "smtp-main"));
        html.add(input("Rule", "rule", view.param("rule"), "order-ready"));
        html.add("<label>Status <select name='status'><option value=''>any</option>");
        for (CommunicationStatus s : CommunicationStatus.values()) {
            html.add("<option {}>{}</option>", Html.of(s.name().equalsIgnoreCase(view.param("status")) ? "selected" : ""),
                    s);
        }
        html.add("</select></label>");
        html.add(input("Per page", "limit", view.param("limit") == null ? Integer.toString(DEFAULT_LIMIT)
                : view.param("limit"), ""));
        html.add("<button type='submit'>Search</button></form>");

        List<Communication> found;
        int perPage;
        int page;
        try {
            perPage = CommunicationQuery.limit(view.param("limit"), DEFAULT_LIMIT);
            page = page(view.param("page"));
            boolean filtered = view.param("channel") != null || view.param("rule") != null;
            int window = filtered ? CommunicationQuery.MAX_LIMIT
                    : Math.min(CommunicationQuery.MAX_LIMIT, perPage * page + 1);
            io.tidings.api.access.UnitScope scope = services.scope(view.access());
            CommunicationQuery query = new CommunicationQuery(view.param("entityType"),
                    view.param("entityId"), view.param("contact"), CommunicationStatus.parse(view.param("status")),
                    window, view.param("run"));
            found = services.notifications().communications(scope.restricted() ? query.withUnits(scope.visible())
                    : query).stream()
                    .filter(c -> view.param("channel") == null || view.param("channel").equals(c.channel()))
                    .filter(c -> view.param("rule") == null || view.param("rule").equals(c.ruleKey()))
                    .toList();
        } catch (ValidationException e) {
            return html.add("<p class='tidings-error'>{}</p>", e.getMessage());
        }
        int from = Math.min(found.size(), perPage * (page - 1));
        List<Communication> shown = found.subList(from, Math.min(found.size(), from + perPage));
        if (shown.isEmpty()) {
            return html.add("<p>No communication matches.</p>");
        }
        html.add("<table class='nicetable tidings-communications'><thead><tr><th>Created</th><th>Status</th>"
                + "<th>Reason</th><th>Medium</th><th>Recipient</th><th>Entity</th><th>Rule</th><th>Template</th>"
                + "<th>Channel</th><th>Unit</th><th>Subject</th><th>Actions</th></tr></thead><tbody>");
        for (Communication c : shown) {
            html.add("<tr><td><a href='{}'>{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td>{}</td><td>{}</td><td>{}</td><td class='tidings-unit'>{}</td><td>{}</td><td>{}</td></tr>",
                    view.link("/communication", "id", c.id()), time(c.createdAt()), c.status(), c.statusReason(),
                    c.medium(), c.recipient(), entityCell(view, c), c.ruleKey(), c.templateKey(), c.channel(),
                    c.unit() == null ? "-" : c.unit(), subject(view, c),
                    MessageActions.buttons(view, c));
        }
        html.add("</tbody></table><p>{} to {}, newest first.", from + 1, from + shown.size());
        if (page > 1) {
            html.add(" <a href='{}' rel='prev'>Newer</a>", pageLink(view, page - 1));
        }
        if (found.size() > from + shown.size()) {
            html.add(" <a href='{}' rel='next'>Older</a>", pageLink(view, page + 1));
        }
        return html.add("</p>");
    }

    private static String pageLink(View view, int page) {
        String[] names = {"entityType", "entityId", "contact", "channel", "rule", "status", "limit", "run"};
        String[] pairs = new String[names.length * 2 + 2];
        for (int i = 0; i < names.length; i++) {
            pairs[2 * i] = names[i];
            pairs[2 * i + 1] = view.param(names[i]);
        }
        pairs[pairs.length - 2] = "page";
        pairs[pairs.length - 1] = Integer.toString(page);
        return view.link("/communications", pairs);
    }

    private static int page(String text) {
        try {
            int page = text == null ? 1 : Integer.parseInt(text);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new ValidationException("page", "must be a page number from 1, was '" + text + "'");
    }

    Html record(View view) {
        String id = view.param("id");
        if (id == null) {
            throw new ValidationException("id", "is required: which communication to show");
        }
        io.tidings.api.access.UnitScope scope = services.scope(view.access());
        Communication c = services.notifications().communication(id).filter(found -> scope.seesRecord(found.unit()))
                .orElseThrow(() -> new ValidationException("id", "no communication '" + id + "'"));
        Html html = Html.of("<h2>Communication {}</h2><table class='nicetable tidings-record'><tbody>", c.id());
        row(html, "Status", c.status());
        row(html, "Reason", c.statusReason());
        row(html, "Event", c.eventId());
        html.add("<tr><th>Entity</th><td><a href='{}'>{}</a></td></tr>", view.link("/communications", "entityType",
                c.entity() == null ? null : c.entity().type(), "entityId", c.entity() == null ? null : c.entity().id()),
                entity(c));
        row(html, "Rule", c.ruleKey());
        html.add("<tr><th>Template</th><td><a href='{}'>{}</a>{}</td></tr>", view.link("/template", "key",
                c.templateKey()), c.templateKey(), c.templateVersion() == null ? "" : " version " + c.templateVersion());
        row(html, "Medium", c.medium());
        row(html, "Channel", c.channel());
        row(html, "Unit", c.unit());
        row(html, "Recipient", c.recipient());
        row(html, "Language", c.language());
        row(html, "Attempts", c.attempts());
        row(html, "Not before", time(c.notBefore()));
        row(html, "Created", time(c.createdAt()));
        row(html, "Sent", time(c.sentAt()));
        row(html, "Provider id", c.providerMessageId());
        row(html, "Subject", subject(view, c));
        html.add("</tbody></table><p>{}</p><p class='tidings-feed-links'>{}</p><h3>Body</h3>",
                MessageActions.buttons(view, c), LogPages.feedLinks(view, contactId(view, c), c.entity()));
        if (!view.access().content()) {
            return html.add("<p>{}</p>", HIDDEN);
        }
        if (c.body() == null) {
            return html.add("<p>Not rendered yet: templates are rendered when the message is due.</p>");
        }
        return html.add("<pre class='tidings-body'>\n{}</pre>", c.body());
    }

    /** The entity, with a link to its feed on the Log tab for users who see it. */
    private static Html entityCell(View view, Communication c) {
        if (c.entity() == null || !LogPages.shownTo(view.access())) {
            return Html.of("{}", entity(c));
        }
        return Html.of("{} <a href='{}' title='Feed of {}'>feed</a>", entity(c), view.link("/log", "entityType",
                c.entity().type(), "entityId", c.entity().id()), entity(c));
    }

    /**
     * The contact id the message was recorded with, as its entity's feed lists it (a communication
     * names no contact id itself); null when unknown or the log is not there.
     */
    private String contactId(View view, Communication c) {
        if (c.entity() == null || c.sentAt() == null || !LogPages.shownTo(view.access())) {
            return null;
        }
        try {
            return services.communicationLog().feed(new io.tidings.api.log.FeedQuery(null, c.entity().type(),
                    c.entity().id(), 0, io.tidings.api.log.FeedQuery.MAX_LIMIT)).stream()
                    .filter(item -> "sent".equals(item.type()) && c.id().equals(item.id()))
                    .map(io.tidings.api.log.FeedItem::contactId).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
        } catch (ConsoleServices.Unavailable | ValidationException e) {
            return null;
        }
    }

    /** What a user without message content rights sees instead of a subject or body (personal data). */
    private static final String HIDDEN = "Hidden: message bodies and subjects need the role tidings-viewer-content"
            + " (or tidings-admin).";

    private static String subject(View view, Communication c) {
        return view.access().content() ? c.subject() : c.subject() == null ? null : "(hidden)";
    }

    private static void row(Html html, String label, Object value) {
        html.add("<tr><th>{}</th><td>{}</td></tr>", label, value == null ? "-" : value);
    }

    private static Html input(String label, String name, String value, String placeholder) {
        return Html.of("<label>{} <input type='text' name='{}' value='{}' placeholder='{}'></label>", label, name,
                value, placeholder);
    }

    private static String entity(Communication c) {
        return c.entity() == null ? null : c.entity().type() + " " + c.entity().id();
    }

    static String time(Instant instant) {
        return Times.local(instant);
    }
}
