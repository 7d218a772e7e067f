package io.tidings.webconsole.page;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.EntityRef;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.PlannedMessage;
import io.tidings.api.rule.RulePlan;
import io.tidings.webconsole.html.Html;

/**
 * "Try an event": an event as a host would post it, run through every rule by the engine's dry
 * run (nothing is stored or sent), showing which rules match, who would get what and when, and why
 * the others do not. The event is a query parameter: trying changes nothing.
 */
final class RuleTryPage {

    static final String FIELD = "event";
    /** The id of a recent event to try again. */
    static final String FROM = "from";

    private static final int RECENT_COMMUNICATIONS = 200;
    private static final int RECENT_EVENTS = 20;
    private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String EXAMPLE = "{\"type\": \"order.status_changed\", \"location\": \"kyiv\",\n"
            + " \"entity\": {\"type\": \"order\", \"id\": \"1001\"},\n"
            + " \"data\": {\"order\": {\"status\": \"ready\", \"total\": 1250.50},\n"
            + "  \"contact_information\": {\"name\": \"Олена\", \"email\": \"olena@example.com.ua\",\n"
            + "   \"preferred_language\": \"uk\", \"consent\": {\"email\": true}}}}";

    private final ConsoleServices services;

    RuleTryPage(ConsoleServices services) {
        this.services = services;
    }

    Html render(View view) {
        if (!view.editor()) {
            // as POST /rules/explain: the plans name recipients, and a recent event carries a customer's data
            return Html.of("<h2>Try an event</h2><p class='tidings-error'>Trying events needs the role"
                    + " tidings-editor.</p>");
        }
        String text = view.raw(FIELD);
        String from = view.param(FROM);
        if ((text == null || text.isBlank()) && from != null) {
            text = json(services.notifications().event(from).orElseThrow(() -> new ValidationException(FROM,
                    "no event '" + from + "' is kept")));
        }
        Html html = Html.of("<h2>Try an event</h2><p class='tidings-hint'>Paste an event as a host posts it to"
                + " POST /events (id and occurredAt may be left out: now), or pick a recent one. Nothing is stored"
                + " or sent.</p>{}<form method='get' action='{}' class='tidings-try' accept-charset='UTF-8'><label for='field-event'>"
                + "Event (JSON)</label><textarea id='field-event' name='event' rows='10' spellcheck='false'>{}"
                + "</textarea><p><button type='submit'>Try the event</button></p></form>",
                recent(view, from), view.link("/rules/try"), text == null ? EXAMPLE : text);
        if (text == null || text.isBlank()) {
            return html;
        }
        try {
            BusinessEvent event = read(text);
            ZoneId zone = zone(event);
            List<RulePlan> plans = services.explainer().explain(event);
            html.add("<h3>What the rules would do</h3><table class='nicetable tidings-explain'><thead><tr><th>Rule</th>"
                    + "<th>Matches</th><th>Messages: template, to, language, when ({})</th></tr></thead><tbody>", zone);
            for (RulePlan plan : plans) {
                Html messages = new Html();
                for (PlannedMessage m : plan.messages()) {
                    messages.add("<li>{} ({}) to {}{}, {}</li>", m.templateKey(), m.medium(),
                            m.recipient() == null ? "no address" : m.recipient(),
                            m.language() == null ? "" : " in " + m.language(),
                            m.suppressedReason() != null ? "not sent: " + m.suppressedReason()
                                    : m.notBefore() == null ? "now" : "at " + LOCAL.format(m.notBefore().atZone(zone)));
                }
                html.add("<tr data-rule='{}' class='{}'><td>{}</td><td>{}</td><td>{}</td></tr>", plan.ruleKey(),
                        plan.matched() ? "tidings-match" : "", plan.ruleKey(),
                        plan.matched() ? "yes" + (plan.reason() == null ? "" : ": " + plan.reason())
                                : "no: " + plan.reason(),
                        plan.messages().isEmpty() ? Html.of("") : Html.of("<ul>{}</ul>", messages));
            }
            return html.add("</tbody></table>");
        } catch (ValidationException e) {
            return html.add("<p class='tidings-error' role='alert'>The event cannot be tried: {}</p>", e.getMessage());
        }
    }

    /** The events of the newest communications, newest first, to pick one from. */
    private Html recent(View view, String chosen) {
        List<Communication> newest;
        try {
            newest = services.notifications().communications(CommunicationQuery.all(RECENT_COMMUNICATIONS));
        } catch (ConsoleServices.Unavailable e) {
            return new Html();
        }
        Map<String, Communication> events = new LinkedHashMap<>();
        newest.forEach(c -> events.putIfAbsent(c.eventId(), c));
        events.remove(null);
        if (events.isEmpty()) {
            return new Html();
        }
        ZoneId zone = ZoneId.systemDefault();
        Html options = new Html();
        events.values().stream().limit(RECENT_EVENTS).forEach(c -> options.add("<option value='{}' {}>{} {} – rule {},"
                + " {}</option>", c.eventId(), Html.of(c.eventId().equals(chosen) ? "selected" : ""),
                c.entity() == null ? "" : c.entity().type(), c.entity() == null ? "" : c.entity().id(), c.ruleKey(),
                c.createdAt() == null ? "" : LOCAL.format(c.createdAt().atZone(zone)) + " " + zone));
        return Html.of("<form method='get' action='{}' class='tidings-search'><label>A recent event <select name='{}'>"
                + "{}</select></label> <button type='submit'>Use this event</button></form>", view.link("/rules/try"),
                FROM, options);
    }

    /** An event as a host would post it, for the text area. */
    private static String json(BusinessEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("type", event.type());
        json.put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        json.put("location", event.location());
        json.put("entity", event.entity() == null ? null : Map.of("type", event.entity().type(), "id", event.entity().id()));
        json.put("data", event.data());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's data could not be written as JSON", e);
        }
    }

    /** The event location's zone, in which its times are shown; else the server's. */
    private ZoneId zone(BusinessEvent event) {
        try {
            return event.location() == null ? ZoneId.systemDefault() : services.locations().location(event.location())
                    .map(l -> ZoneId.of(l.timeZone())).orElse(ZoneId.systemDefault());
        } catch (ConsoleServices.Unavailable | java.time.DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    /** The event as pasted; a missing id or time is made up, everything else is the host's to give. */
    @SuppressWarnings("unchecked")
    static BusinessEvent read(String text) {
        Map<String, Object> json;
        try {
            json = JSON.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new ValidationException(FIELD, "is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        Object entity = json.get("entity");
        Object data = json.get("data");
        if (entity != null && !(entity instanceof Map) || data != null && !(data instanceof Map)) {
            throw new ValidationException(FIELD, "entity and data must be objects");
        }
        Map<String, Object> e = entity == null ? null : (Map<String, Object>) entity;
        BusinessEvent event = new BusinessEvent(text(json, "id", "try-" + UUID.randomUUID()), text(json, "type", null),
                occurredAt(text(json, "occurredAt", null)), text(json, "location", null),
                e == null ? null : new EntityRef(text(e, "type", null), text(e, "id", null)),
                (Map<String, Object>) data);
        event.validate();
        return event;
    }

    private static String text(Map<String, Object> json, String name, String otherwise) {
        Object value = json.get(name);
        return value == null ? otherwise : value.toString();
    }

    private static OffsetDateTime occurredAt(String text) {
        try {
            return text == null ? OffsetDateTime.now() : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("occurredAt", "must be ISO-8601 with an offset, e.g. 2026-03-01T10:00:00+02:00");
        }
    }
}
