package io.tidings.webconsole.page;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.tidings.api.EntityRef;
import io.tidings.api.ValidationException;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.CommunicationLog;
import io.tidings.api.log.Direction;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FeedQuery;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;
import io.tidings.webconsole.html.Html;
import io.tidings.webconsole.session.Flash;

/**
 * The communication log (the Log tab), as {@code GET /feed}, {@code /follow-ups} and
 * {@code POST /communications} have it: a contact's or an entity's feed, newest first and paged; one
 * logged communication; the form that logs one (or edits a DRAFT, completes it, and sends an OUTBOUND
 * EMAIL or SMS draft); the open follow-ups and the form that completes one; the categories.
 * Viewers read, editors log (as tidings-editor may on the REST API), administrators keep the
 * categories. The log has no units: a user limited to units does not see it (the tab is hidden and
 * every page and post refused), so nothing of other units shows through a contact's feed.
 */
final class LogPages {

    static final int DEFAULT_LIMIT = 50;

    /** The media offered by name; any other is typed. */
    static final List<String> MEDIA = List.of("PHONE", "LETTER", "IN_PERSON", "EMAIL", "SMS");

    /** What a unit-limited user is told. */
    static final String UNIT_LIMITED = "the communication log is not divided by units, so a user limited to units"
            + " (tidings-unit-…) does not see it; ask an administrator";

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    /** The words for the fields the log names (a form field, and how a person calls it). */
    private static final Map<String, String[]> FIELDS = Map.ofEntries(
            Map.entry("id", new String[] {"id", "The entry"}),
            Map.entry("medium", new String[] {"medium", "Medium"}),
            Map.entry("direction", new String[] {"direction", "Direction"}),
            Map.entry("state", new String[] {"state", "State"}),
            Map.entry("category", new String[] {"category", "Category"}),
            Map.entry("subject", new String[] {"subject", "Subject"}),
            Map.entry("notes", new String[] {"notes", "Notes"}),
            Map.entry("occurredAt", new String[] {"occurredAt", "Occurred at"}),
            Map.entry("contact.id", new String[] {"contactId", "Contact id"}),
            Map.entry("contact.name", new String[] {"contactName", "Contact name"}),
            Map.entry("contact.email", new String[] {"contactEmail", "Contact email"}),
            Map.entry("contact.phone", new String[] {"contactPhone", "Contact phone"}),
            Map.entry("entityType", new String[] {"entityType", "Entity type"}),
            Map.entry("entityId", new String[] {"entityId", "Entity id"}),
            Map.entry("entity", new String[] {"entityType", "Entity"}),
            Map.entry("owner", new String[] {"followUpOwner", "Owner"}),
            Map.entry("followUp.dueAt", new String[] {"followUpDue", "Follow-up due"}),
            Map.entry("dueAt", new String[] {"followUpDue", "Follow-up due"}),
            Map.entry("followUp.owner", new String[] {"followUpOwner", "Follow-up owner"}),
            Map.entry("followUp.note", new String[] {"followUpNote", "Follow-up note"}),
            Map.entry("communicationId", new String[] {"communicationId", "The communication followed"}),
            Map.entry("send", new String[] {"medium", "Sending"}),
            Map.entry("key", new String[] {"key", "Key"}),
            Map.entry("name", new String[] {"name", "Name"}),
            Map.entry("followUpOf", new String[] {"communicationId", "The communication followed"}),
            Map.entry("offset", new String[] {"offset", "Page"}),
            Map.entry("limit", new String[] {"limit", "Per page"}),
            Map.entry("contactId", new String[] {"contactId", "Contact id"}));

    private final ConsoleServices services;

    LogPages(ConsoleServices services) {
        this.services = services;
    }

    /** Whether the user sees the log: not when limited to units (the log has none). */
    static boolean shownTo(io.tidings.webconsole.session.Access access) {
        return access.units().isEmpty();
    }

    private static void requireWholeLog(View view) {
        if (!shownTo(view.access())) {
            throw new ValidationException("role", UNIT_LIMITED);
        }
    }

    /** The refusal in words: the field as a person calls it, and what is wrong. */
    static String words(ValidationException e) {
        String field = e.field();
        String message = e.getMessage();
        if (field == null) {
            return message;
        }
        String said = message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
        String[] known = FIELDS.get(field.startsWith("related[") ? "followUpOf" : field);
        return (known == null ? field : known[1]) + " " + said;
    }

    /** The form field a refusal is about. */
    static String formField(ValidationException e) {
        String[] known = e.field() == null ? null : FIELDS.get(e.field());
        return known == null ? e.field() : known[0];
    }

    private static Flash refused(ValidationException e, View view) {
        return Flash.refused("Not saved: " + words(e), formField(e), RuleFormReader.typed(view));
    }

    // ---------------------------------------------------------------- the feed

    /** The lookup form, then one page of the feed, newest first. */
    Html feed(View view) {
        requireWholeLog(view);
        Html html = new Html().add(menu(view));
        html.add("<form method='get' action='{}' class='tidings-search tidings-feed-search' accept-charset='UTF-8'>"
                + "<fieldset><legend>Whose feed</legend>", view.link("/log"));
        html.add(input("Contact id", "contactId", view.param("contactId"), "C-1042"));
        html.add("<span> or </span>");
        html.add(input("Entity type", "entityType", view.param("entityType"), "order"));
        html.add(input("Entity id", "entityId", view.param("entityId"), "A-1042"));
        html.add(input("Per page", "limit", view.param("limit") == null ? Integer.toString(DEFAULT_LIMIT)
                : view.param("limit"), ""));
        html.add("<button type='submit'>Show feed</button></fieldset></form>");
        if (view.param("contactId") == null && view.param("entityType") == null && view.param("entityId") == null) {
            return html.add("<p>Give a contact id (the host's id of the contact), or an entity's type and id, to see"
                    + " everything sent to, received from and logged about them, newest first.</p>");
        }
        FeedQuery query;
        List<FeedItem> items;
        if (view.param("contactId") != null && (view.param("entityType") != null || view.param("entityId") != null)) {
            return html.add("<p class='tidings-error' role='alert'>Give either a contact id or an entity's type and"
                    + " id, not both.</p>");
        }
        if (view.param("contactId") == null && (view.param("entityType") == null || view.param("entityId") == null)) {
            return html.add("<p class='tidings-error' role='alert'>{} is required with the {}: an entity is a type and"
                    + " an id.</p>", view.param("entityType") == null ? "Entity type" : "Entity id",
                    view.param("entityType") == null ? "entity id" : "entity type");
        }
        try {
            query = new FeedQuery(view.param("contactId"), view.param("entityType"), view.param("entityId"),
                    number(view.param("offset"), 0, "offset"), number(view.param("limit"), DEFAULT_LIMIT, "limit"));
            query.validate();
            items = services.communicationLog().feed(query);
        } catch (ValidationException e) {
            return html.add("<p class='tidings-error' role='alert'>{}</p>", words(e));
        }
        html.add("<h2>{}</h2>", query.contactId() != null ? "Feed of contact " + query.contactId()
                : "Feed of " + query.entityType() + " " + query.entityId());
        if (view.may("/log/save")) {
            html.add("<p><a class='tidings-button' href='{}'>Log a communication with {}</a></p>",
                    view.link("/log/edit", "contactId", query.contactId(), "entityType", query.entityType(),
                            "entityId", query.entityId()),
                    query.contactId() != null ? "this contact" : "this " + query.entityType());
        }
        if (items.isEmpty()) {
            return html.add("<p>{}</p>", query.offset() == 0 ? "Nothing sent, received or logged yet."
                    : "No more items.");
        }
        html.add("<table class='nicetable tidings-feed'><thead><tr><th>When</th><th>Type</th><th>Medium</th>"
                + "<th>Direction</th><th>Status</th><th>Contact</th><th>Entity</th><th>Category</th><th>Subject</th>"
                + "<th>Text</th><th>Owner</th></tr></thead><tbody>");
        for (FeedItem item : items) {
            html.add("<tr data-type='{}'><td><a href='{}'>{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    + "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class='tidings-text'>{}</td><td>{}</td></tr>",
                    item.type(), itemLink(view, item), Times.local(item.at()), typeWords(item.type()),
                    item.medium(), direction(item.direction()), item.status(), contact(item), entity(item.entity()),
                    dash(item.category()), content(view, item.subject()), content(view, item.text()),
                    dash(item.owner()));
        }
        html.add("</tbody></table><p>{} to {}, newest first.", query.offset() + 1, query.offset() + items.size());
        if (query.offset() > 0) {
            html.add(" <a href='{}' rel='prev'>Newer</a>", feedLink(view, query, Math.max(0, query.offset()
                    - query.limit())));
        }
        if (items.size() == query.limit()) {
            html.add(" <a href='{}' rel='next'>Older</a>", feedLink(view, query, query.offset() + query.limit()));
        }
        return html.add("</p>");
    }

    private static String feedLink(View view, FeedQuery query, int offset) {
        return view.link("/log", "contactId", query.contactId(), "entityType", query.entityType(), "entityId",
                query.entityId(), "limit", Integer.toString(query.limit()), "offset", Integer.toString(offset));
    }

    /** The page of a feed item: a sent message's, a logged one's, or the message a link response answers. */
    private static String itemLink(View view, FeedItem item) {
        return switch (item.type()) {
            case "sent" -> view.link("/communication", "id", item.id());
            case "link_response" -> item.communicationId() == null ? view.link("/log")
                    : view.link("/communication", "id", item.communicationId());
            default -> view.link("/log/entry", "id", item.id());
        };
    }

    private static String typeWords(String type) {
        return switch (type == null ? "" : type) {
            case "sent" -> "sent";
            case "received" -> "received";
            case "manual" -> "logged";
            case "link_response" -> "link response";
            default -> type;
        };
    }

    /** Links to a contact's and an entity's feed (for the Communications pages); empty for a unit-limited user. */
    static Html feedLinks(View view, String contactId, EntityRef entity) {
        Html html = new Html();
        if (!shownTo(view.access())) {
            return html;
        }
        if (contactId != null) {
            html.add("<a href='{}'>Contact's feed</a> ", view.link("/log", "contactId", contactId));
        }
        if (entity != null) {
            html.add("<a href='{}'>Feed of {} {}</a>", view.link("/log", "entityType", entity.type(), "entityId",
                    entity.id()), entity.type(), entity.id());
        }
        return html;
    }

    // ---------------------------------------------------------------- one entry

    Html entry(View view) {
        requireWholeLog(view);
        String id = view.param("id");
        CommunicationLog log = services.communicationLog();
        LoggedCommunication c = log.find(id == null ? "" : id)
                .orElseThrow(() -> new ValidationException("id", "there is no logged communication '" + id + "'"));
        Html html = new Html().add(menu(view)).add("<h2>{} communication {}</h2>",
                LoggedCommunication.RECEIVED.equals(c.kind()) ? "Received" : "Logged", c.id());
        html.add("<table class='nicetable tidings-record'><tbody>");
        row(html, "Medium", c.medium());
        row(html, "Direction", direction(c.direction()));
        row(html, "State", c.state());
        row(html, "Occurred", Times.local(c.occurredAt()));
        row(html, "Category", c.category());
        row(html, "Contact id", c.contactId());
        row(html, "Contact name", content(view, c.contact().get("name")));
        row(html, "Contact address", content(view, c.address()));
        row(html, "Entity", entity(c.entity()));
        row(html, "Owner", c.owner());
        row(html, "Channel", c.channel());
        if (c.followUpOf() != null) {
            html.add("<tr><th>Follows up</th><td><a href='{}'>{}</a></td></tr>", entryOrMessage(view, log,
                    c.followUpOf()), c.followUpOf());
        }
        if (c.sentAs() != null) {
            html.add("<tr><th>Sent as</th><td><a href='{}'>{}</a></td></tr>", view.link("/communication", "id",
                    c.sentAs()), c.sentAs());
        }
        row(html, "Recorded", Times.local(c.createdAt()));
        row(html, "Subject", content(view, c.subject()));
        html.add("</tbody></table>");
        html.add("<p>{}</p>", feedLinks(view, c.contactId(), c.entity()));
        if (c.state() == EntryState.DRAFT && view.may("/log/save")) {
            html.add("<p><a class='tidings-button' href='{}'>Edit or complete the draft</a></p>",
                    view.link("/log/edit", "id", c.id()));
        }
        Optional<FollowUp> followUp = log.followUpOf(c.id());
        followUp.ifPresent(f -> html.add(followUpText(view, log, f)));
        html.add("<h3>Notes</h3>");
        if (!view.access().content()) {
            return html.add("<p>{}</p>", HIDDEN);
        }
        return html.add("<pre class='tidings-body'>\n{}</pre>", c.notes() == null ? "" : c.notes());
    }

    private Html followUpText(View view, CommunicationLog log, FollowUp f) {
        if (f.open()) {
            Html html = Html.of("<h3>Follow-up</h3><p class='tidings-follow-up'>Due {}{}{}.</p>", Times.local(f.dueAt()),
                    f.owner() == null ? "" : ", owner " + f.owner(), f.note() == null ? ""
                            : ": " + content(view, f.note()));
            if (view.may("/follow-up/complete")) {
                html.add("<p><a class='tidings-button' href='{}'>Complete follow-up</a></p>",
                        view.link("/follow-up/complete", "id", f.communicationId()));
            }
            return html;
        }
        return Html.of("<h3>Follow-up</h3><p class='tidings-follow-up'>Completed {} as <a href='{}'>{}</a>.</p>",
                Times.local(f.completedAt()), entryOrMessage(view, log, f.completedAs()), f.completedAs());
    }

    private static String entryOrMessage(View view, CommunicationLog log, String id) {
        return log.find(id).isPresent() ? view.link("/log/entry", "id", id) : view.link("/communication", "id", id);
    }

    // ---------------------------------------------------------------- logging and editing

    /** The form that logs a communication, or edits the DRAFT {@code id}. */
    Html edit(View view) {
        requireWholeLog(view);
        view.requireFor("/log/save");
        String id = view.param("id");
        CommunicationLog log = services.communicationLog();
        Flash flash = view.flash();
        Map<String, List<String>> values = new LinkedHashMap<>();
        LoggedCommunication draft = null;
        if (id != null) {
            draft = log.find(id).orElseThrow(() -> new ValidationException("id", "there is no logged communication '"
                    + id + "'"));
            if (draft.state() != EntryState.DRAFT) {
                throw new ValidationException("state", "communication " + id + " is COMPLETED and can no longer"
                        + " change");
            }
        }
        if (Fields.refill(values, flash)) {
            // the refused save shown again as it was typed
        } else if (draft != null) {
            fill(values, draft);
            log.followUpOf(id).filter(FollowUp::open).ifPresent(f -> {
                put(values, "followUpDue", input(f.dueAt()));
                put(values, "followUpOwner", f.owner());
                put(values, "followUpNote", f.note());
            });
        } else {
            // a new entry: what the feed it comes from is about, a phone call that happened now
            put(values, "contactId", view.param("contactId"));
            put(values, "entityType", view.param("entityType"));
            put(values, "entityId", view.param("entityId"));
            put(values, "medium", "PHONE");
            put(values, "direction", Direction.OUTBOUND.name());
            put(values, "state", EntryState.COMPLETED.name());
            put(values, "occurredAt", input(Instant.now()));
            // the id the entry is recorded under, fixed now: a form posted twice records once
            put(values, "id", "console-" + UUID.randomUUID());
        }
        if (draft != null) {
            values.put("id", List.of(draft.id()));
        }
        Fields f = Fields.of(values, flash);
        Html fields = new Html();
        fields.add("<input type='hidden' name='id' value='{}'>", f.value("id"));
        if (draft != null) {
            fields.add("<input type='hidden' name='original' value='{}'>", draft.id());
        }
        String zone = ZoneId.systemDefault().getId();
        fields.add("<fieldset><legend>Communication</legend>{}{}{}{}{}{}{}{}</fieldset>",
                mediumFields(f), f.select("direction", "Direction", directions(), false),
                f.select("state", "State", states(), false), f.select("category", "Category", categories(log), false),
                f.text("subject", "Subject", "Called about the delivery", ""),
                f.area("notes", "Notes", 5),
                f.text("occurredAt", "Occurred at (" + zone + "; empty for a draft: the time it is completed)",
                        "2026-12-07T14:30", "type='datetime-local'"), Html.of(""));
        fields.add("<fieldset><legend>Contact</legend>{}{}{}{}</fieldset>",
                f.text("contactId", "Contact id (the host's id)", "C-1042", ""),
                f.text("contactName", "Contact name", "Olena Kovalenko", ""),
                f.text("contactEmail", "Contact email", "olena@example.com", "type='email'"),
                f.text("contactPhone", "Contact phone", "+380671234567", "type='tel'"));
        fields.add("<fieldset><legend>About</legend>{}{}</fieldset>",
                f.text("entityType", "Entity type", "order", ""), f.text("entityId", "Entity id", "A-1042", ""));
        fields.add("<fieldset><legend>Follow-up (optional)</legend>{}{}{}</fieldset>",
                f.text("followUpDue", "Follow-up due (" + zone + ")", "2026-12-08T10:00", "type='datetime-local'"),
                f.text("followUpOwner", "Follow-up owner (user name; empty for anyone)", "", ""),
                f.text("followUpNote", "Follow-up note", "Call back about the refund", ""));
        fields.add("<p><button type='submit'>{}</button>", draft == null ? "Log communication" : "Save draft");
        if (draft != null && draft.direction() == Direction.OUTBOUND
                && ("EMAIL".equals(draft.medium()) || "SMS".equals(draft.medium()))) {
            fields.add(" <button type='submit' name='send' value='yes'>Complete and send</button>");
        }
        fields.add(" <a href='{}'>{}</a></p>", draft == null ? view.link("/log") : view.link("/log/entry", "id",
                draft.id()), draft == null ? "Back to the log" : "Back to the communication");
        return Html.of("{}<h2>{}</h2>{}", menu(view), draft == null ? "Log a communication" : "Edit draft " + draft.id(),
                view.postForm("/log/save", "tidings-log-form", fields));
    }

    private Html mediumFields(Fields f) {
        Map<String, String> media = new LinkedHashMap<>();
        MEDIA.forEach(m -> media.put(m, m.replace('_', ' ').toLowerCase(Locale.ROOT)));
        media.put("", "other (type it below)");
        return Html.of("{}{}", f.select("medium", "Medium", media, false),
                f.text("mediumOther", "Other medium (upper-case name, e.g. WHATSAPP)", "WHATSAPP", ""));
    }

    private static void fill(Map<String, List<String>> values, LoggedCommunication c) {
        if (MEDIA.contains(c.medium())) {
            put(values, "medium", c.medium());
        } else {
            put(values, "medium", "");
            put(values, "mediumOther", c.medium());
        }
        put(values, "direction", c.direction().name());
        put(values, "state", c.state().name());
        put(values, "category", c.category());
        put(values, "subject", c.subject());
        put(values, "notes", c.notes());
        put(values, "occurredAt", input(c.occurredAt()));
        put(values, "contactId", c.contactId());
        put(values, "contactName", text(c.contact().get("name")));
        put(values, "contactEmail", text(c.contact().get("email")));
        put(values, "contactPhone", text(c.contact().get("phone")));
        if (c.entity() != null) {
            put(values, "entityType", c.entity().type());
            put(values, "entityId", c.entity().id());
        }
    }

    /** Logs the communication (or saves the draft), then its follow-up; nothing of it when anything is wrong. */
    Redirect save(View view) {
        requireWholeLog(view);
        String original = view.param("original");
        String back = original == null ? "/log/edit" : Html.link("/log/edit", "id", original);
        try {
            CommunicationLog log = services.communicationLog();
            boolean send = "yes".equals(view.param("send"));
            EntryState state = send ? EntryState.COMPLETED : state(view.param("state"));
            LoggedCommunication c = read(view, original != null ? original : view.param("id"), state);
            FollowUpForm followUp = followUp(view);
            // checked before anything is recorded (a draft completed now occurs now, as the log decides)
            (original != null && c.occurredAt() == null ? c.withOccurredAt(Instant.now()) : c).validate();
            String id;
            if (original == null) {
                CommunicationLog.Recorded recorded = log.record(c);
                id = recorded.communication().id();
                if (!recorded.created()) {
                    return new Redirect(entryPath(recorded.communication()), Flash.done("Communication " + id
                            + " was logged before; nothing changed."));
                }
            } else {
                LoggedCommunication updated = log.update(original, c, send).orElseThrow(() -> new ValidationException(
                        "id", "there is no logged communication '" + original + "'"));
                id = updated.id();
            }
            if (followUp != null) {
                log.followUp(id, followUp.due(), followUp.owner(), followUp.note());
            }
            String what = original == null ? "Logged" : send ? "Completed and sent" : "Saved";
            return new Redirect(entryPath(c), Flash.done(what + " communication " + id
                    + (followUp == null ? "." : ", follow-up due " + Times.local(followUp.due()) + ".")));
        } catch (ValidationException e) {
            return new Redirect(back, refused(e, view));
        }
    }

    /** After logging: the contact's feed, else the entity's, else the entry. */
    private static String entryPath(LoggedCommunication c) {
        if (c.state() == EntryState.COMPLETED && c.contactId() != null) {
            return Html.link("/log", "contactId", c.contactId());
        }
        if (c.state() == EntryState.COMPLETED && c.entity() != null) {
            return Html.link("/log", "entityType", c.entity().type(), "entityId", c.entity().id());
        }
        return Html.link("/log/entry", "id", c.id());
    }

    private record FollowUpForm(Instant due, String owner, String note) {
    }

    private static FollowUpForm followUp(View view) {
        Instant due = time(view.param("followUpDue"), "followUp.dueAt");
        String owner = view.param("followUpOwner");
        String note = view.param("followUpNote");
        if (due == null) {
            if (owner != null || note != null) {
                throw new ValidationException("followUp.dueAt", "is required for a follow-up with an owner or note");
            }
            return null;
        }
        if (owner != null && owner.length() > 200) {
            throw new ValidationException("followUp.owner", "must be a user name of at most 200 characters");
        }
        if (note != null && note.length() > 4000) {
            throw new ValidationException("followUp.note", "is longer than 4000 characters");
        }
        return new FollowUpForm(due, owner, note);
    }

    private static LoggedCommunication read(View view, String id, EntryState state) {
        String medium = medium(view);
        Map<String, Object> contact = new LinkedHashMap<>();
        putContact(contact, "id", view.param("contactId"));
        putContact(contact, "name", view.param("contactName"));
        putContact(contact, "email", view.param("contactEmail"));
        putContact(contact, "phone", view.param("contactPhone"));
        String entityType = view.param("entityType");
        String entityId = view.param("entityId");
        if ((entityType == null) != (entityId == null)) {
            throw new ValidationException(entityType == null ? "entityType" : "entityId",
                    "is required with the other: an entity is a type and an id");
        }
        Instant occurred = time(view.param("occurredAt"), "occurredAt");
        return new LoggedCommunication(id, LoggedCommunication.MANUAL, medium, direction(view.param("direction")),
                state, contact, entityType == null ? null : new EntityRef(entityType, entityId),
                view.param("category"), view.param("subject"), view.raw("notes") == null || view.raw("notes").isBlank()
                        ? null : view.raw("notes"), occurred, null, List.of(), view.actor(), null, null, null, null);
    }

    private static String medium(View view) {
        String other = view.param("mediumOther");
        String chosen = view.param("medium");
        String medium = other != null ? other.toUpperCase(Locale.ROOT).replace(' ', '_') : chosen;
        if (medium == null) {
            throw new ValidationException("medium", "is required: choose one, or type another's name");
        }
        return medium;
    }

    private static void putContact(Map<String, Object> contact, String name, String value) {
        if (value != null) {
            contact.put(name, value);
        }
    }

    // ---------------------------------------------------------------- follow-ups

    /** The open follow-ups, soonest due first, by owner and due before. */
    Html followUps(View view) {
        requireWholeLog(view);
        Html html = new Html().add(menu(view)).add("<h2>Open follow-ups</h2>");
        html.add("<form method='get' action='{}' class='tidings-search' accept-charset='UTF-8'>",
                view.link("/follow-ups"));
        html.add(input("Owner", "owner", view.param("owner"), "user name; empty for everyone's"));
        html.add("<label>Due before ({}) <input type='datetime-local' name='dueBefore' value='{}'></label>",
                ZoneId.systemDefault().getId(), view.param("dueBefore"));
        html.add("<button type='submit'>Show follow-ups</button></form>");
        CommunicationLog log = services.communicationLog();
        List<FollowUp> open;
        try {
            open = log.followUps(view.param("owner"), time(view.param("dueBefore"), "dueBefore"), 200);
        } catch (ValidationException e) {
            return html.add("<p class='tidings-error' role='alert'>{}</p>", e.field().equals("dueBefore")
                    ? "Due before " + e.getMessage().substring(e.field().length() + 2) : words(e));
        }
        if (open.isEmpty()) {
            return html.add("<p>No open follow-up{}.</p>", view.param("owner") == null && view.param("dueBefore") == null
                    ? "" : " matches");
        }
        html.add("<table class='nicetable tidings-follow-ups'><thead><tr><th>Due</th><th>Owner</th><th>Note</th>"
                + "<th>Follows</th><th>Actions</th></tr></thead><tbody>");
        for (FollowUp f : open) {
            html.add("<tr><td>{}</td><td>{}</td><td>{}</td><td><a href='{}'>{}</a></td><td>{}</td></tr>",
                    Times.local(f.dueAt()), f.owner() == null ? "anyone" : f.owner(), content(view, f.note()),
                    entryOrMessage(view, log, f.communicationId()), f.communicationId(),
                    view.may("/follow-up/complete") ? Html.of("<a href='{}'>Complete follow-up</a>",
                            view.link("/follow-up/complete", "id", f.communicationId())) : Html.of(""));
        }
        return html.add("</tbody></table><p>Soonest due first.</p>");
    }

    /** The form that records how a follow-up was done (the call back) and closes it. */
    Html completeForm(View view) {
        requireWholeLog(view);
        view.requireFor("/follow-up/complete");
        String id = view.param("id");
        CommunicationLog log = services.communicationLog();
        FollowUp open = log.followUpOf(id == null ? "" : id).filter(FollowUp::open).orElseThrow(() ->
                new ValidationException("id", "communication '" + id + "' has no open follow-up"));
        Flash flash = view.flash();
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (!Fields.refill(values, flash)) {
            put(values, "medium", "PHONE");
            put(values, "direction", Direction.OUTBOUND.name());
            put(values, "occurredAt", input(Instant.now()));
            put(values, "outcome", "console-" + UUID.randomUUID());
        }
        Fields f = Fields.of(values, flash);
        Html fields = Html.of("<input type='hidden' name='communicationId' value='{}'>"
                + "<input type='hidden' name='outcome' value='{}'>", open.communicationId(), f.value("outcome"));
        fields.add("<fieldset><legend>What was done</legend>{}{}{}{}{}{}</fieldset>", mediumFields(f),
                f.select("direction", "Direction", directions(), false),
                f.select("category", "Category", categories(log), false),
                f.text("subject", "Subject", "Called back", ""), f.area("notes", "Notes", 4),
                f.text("occurredAt", "Occurred at (" + ZoneId.systemDefault().getId() + ")", "2026-12-07T14:30",
                        "type='datetime-local'"));
        fields.add("<p><button type='submit'>Complete follow-up</button> <a href='{}'>Back to the follow-ups</a></p>",
                view.link("/follow-ups"));
        return Html.of("{}<h2>Complete the follow-up of {}</h2><p>Due {}{}{}. The contact and entity are those of the"
                + " communication followed.</p>{}", menu(view), open.communicationId(), Times.local(open.dueAt()),
                open.owner() == null ? "" : ", owner " + open.owner(), open.note() == null ? ""
                        : ": " + content(view, open.note()),
                view.postForm("/follow-up/complete", "tidings-follow-up-form", fields));
    }

    Redirect complete(View view) {
        requireWholeLog(view);
        String id = view.param("communicationId");
        String back = Html.link("/follow-up/complete", "id", id);
        try {
            CommunicationLog log = services.communicationLog();
            if (id == null || log.followUpOf(id).filter(FollowUp::open).isEmpty()) {
                throw new ValidationException("communicationId", "has no open follow-up: '" + id + "'");
            }
            String notes = view.raw("notes");
            LoggedCommunication outcome = new LoggedCommunication(view.param("outcome"), LoggedCommunication.MANUAL,
                    medium(view), direction(view.param("direction")), EntryState.COMPLETED, Map.of(), null,
                    view.param("category"), view.param("subject"), notes == null || notes.isBlank() ? null : notes,
                    time(view.param("occurredAt"), "occurredAt"), id, List.of(id), view.actor(), null, null, null,
                    null);
            FollowUp closed = log.completeFollowUp(id, outcome).orElseThrow(() -> new ValidationException(
                    "communicationId", "the follow-up of '" + id + "' was completed meanwhile"));
            return new Redirect(log.find(closed.completedAs()).map(LogPages::entryPath).orElse("/follow-ups"),
                    Flash.done("Completed the follow-up of " + id + " as " + closed.completedAs() + "."));
        } catch (ValidationException e) {
            return new Redirect(back, refused(e, view));
        }
    }

    // ---------------------------------------------------------------- categories

    Html categories(View view) {
        requireWholeLog(view);
        Html html = new Html().add(menu(view)).add("<h2>Categories</h2>");
        List<CommunicationCategory> all = services.communicationLog().categories();
        if (all.isEmpty()) {
            html.add("<p>No category yet.</p>");
        } else {
            html.add("<table class='nicetable tidings-categories'><thead><tr><th>Key</th><th>Name</th>"
                    + "<th>Actions</th></tr></thead><tbody>");
            for (CommunicationCategory c : all) {
                html.add("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", c.key(), c.name(),
                        view.may("/log/category/delete") ? Html.of("<a href='{}'>Delete</a>",
                                view.link("/log/category/delete", "key", c.key())) : Html.of(""));
            }
            html.add("</tbody></table>");
        }
        Flash flash = view.flash();
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (flash != null && flash.error()) {
            flash.values().forEach((name, value) -> values.put(name, List.of(value)));
        }
        Fields f = Fields.of(values, flash);
        return html.add(view.postForm("/log/category/save", "tidings-category-form", Html.of(
                "<fieldset><legend>Add or rename a category</legend>{}{}</fieldset><p><button type='submit'>"
                        + "Save category</button></p>", f.text("key", "Key (lower-case letters, digits, '_', '.', '-')",
                        "complaint", "required"), f.text("name", "Name", "Complaint", "required"))));
    }

    Redirect saveCategory(View view) {
        requireWholeLog(view);
        try {
            CommunicationCategory saved = services.communicationLog().saveCategory(new CommunicationCategory(
                    view.param("key"), view.param("name")));
            return new Redirect("/log/categories", Flash.done("Saved category " + saved.key() + "."));
        } catch (ValidationException e) {
            return new Redirect("/log/categories", refused(e, view));
        }
    }

    Html confirmDeleteCategory(View view) {
        requireWholeLog(view);
        view.requireFor("/log/category/delete");
        String key = view.param("key");
        CommunicationCategory category = services.communicationLog().categories().stream()
                .filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new ValidationException("key", "there is no category '" + key + "'"));
        return Html.of("{}<h2>Delete category {}?</h2><p>It is no longer offered in the forms; communications"
                + " logged with it keep the key {}.</p>{}<p><a href='{}'>Keep it</a></p>", menu(view), category.name(),
                category.key(), view.postForm("/log/category/delete", "tidings-delete", Html.of(
                        "<input type='hidden' name='key' value='{}'><button type='submit'>Delete category</button>",
                        category.key())), view.link("/log/categories"));
    }

    Redirect deleteCategory(View view) {
        requireWholeLog(view);
        String key = view.param("key");
        if (key == null || !services.communicationLog().removeCategory(key)) {
            throw new ValidationException("key", "there is no category '" + key + "'");
        }
        return new Redirect("/log/categories", Flash.done("Deleted category " + key + "."));
    }

    // ---------------------------------------------------------------- helpers

    private static Html menu(View view) {
        Html html = Html.of("<p class='tidings-log-menu'><a href='{}'>Feed</a> · <a href='{}'>Open follow-ups</a>"
                + " · <a href='{}'>Categories</a>", view.link("/log"), view.link("/follow-ups"),
                view.link("/log/categories"));
        if (view.may("/log/save")) {
            html.add(" · <a href='{}'>Log a communication</a>", view.link("/log/edit"));
        }
        return html.add("</p>");
    }

    private static Map<String, String> directions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(Direction.OUTBOUND.name(), "outbound (to the contact)");
        d.put(Direction.INBOUND.name(), "inbound (from the contact)");
        return d;
    }

    private static Map<String, String> states() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(EntryState.COMPLETED.name(), "completed (it happened)");
        s.put(EntryState.DRAFT.name(), "draft (still to finish)");
        return s;
    }

    private static Map<String, String> categories(CommunicationLog log) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("", "none");
        log.categories().forEach(category -> c.put(category.key(), category.name()));
        return c;
    }

    private static Direction direction(String text) {
        if (text == null) {
            throw new ValidationException("direction", "is required: inbound or outbound");
        }
        try {
            return Direction.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("direction", "must be inbound or outbound");
        }
    }

    private static EntryState state(String text) {
        if (text == null) {
            return EntryState.COMPLETED;
        }
        try {
            return EntryState.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("state", "must be draft or completed");
        }
    }

    /** A time typed in the server's zone; null when empty. */
    static Instant time(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date and time such as 2026-12-07T14:30, was '" + text
                    + "'");
        }
    }

    private static String input(Instant instant) {
        return instant == null ? null : INPUT.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static int number(String text, int otherwise, String field) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a whole number, was '" + text + "'");
        }
    }

    private static void put(Map<String, List<String>> values, String name, String value) {
        if (value != null) {
            values.put(name, List.of(value));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static final String HIDDEN = "Hidden: subjects and notes need the role tidings-viewer-content"
            + " (or tidings-admin).";

    private static String content(View view, Object value) {
        if (value == null) {
            return "-";
        }
        return view.access().content() ? value.toString() : "(hidden)";
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static String direction(Direction d) {
        return d == null ? "-" : d == Direction.INBOUND ? "inbound" : "outbound";
    }

    private static String contact(FeedItem item) {
        return item.contactId() != null ? item.contactId() : "-";
    }

    private static String entity(EntityRef entity) {
        return entity == null ? "-" : entity.type() + " " + entity.id();
    }

    private static void row(Html html, String label, Object value) {
        html.add("<tr><th>{}</th><td>{}</td></tr>", label, value == null ? "-" : value);
    }

    private static Html input(String label, String name, String value, String placeholder) {
        return Html.of("<label>{} <input type='text' name='{}' value='{}' placeholder='{}'></label>", label, name,
                value, placeholder);
    }
}
