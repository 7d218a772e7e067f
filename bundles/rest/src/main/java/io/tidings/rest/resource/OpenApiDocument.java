package io.tidings.rest.resource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.Role;

/**
 * The OpenAPI 3 document of the REST API, served at {@code /tidings/api/v1/openapi.json}: built from
 * the router's own table (every method on every path with the role it needs), so it lists exactly
 * what is served, with the one-line summary each route has here. A route without a summary fails
 * the tests.
 */
public final class OpenApiDocument {

    /** The document's own path, served without a login. */
    public static final String PATH = "/openapi.json";

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** One line per route: what it does. */
    static final Map<String, String> SUMMARIES = new LinkedHashMap<>();

    static {
        summary("POST /events", "Accept a business event (idempotent by its id): 202 with the communications planned");
        summary("POST /events/batch", "Accept a batch of events all or none");
        summary("POST /messages", "Send a message written by an agent to one contact");
        summary("GET /templates", "List the templates");
        summary("POST /templates", "Create a template");
        summary("GET /templates/{key}", "One template, current version");
        summary("PUT /templates/{key}", "Create or change a template (a new version)");
        summary("DELETE /templates/{key}", "Delete a template (refused with 409 while rules use it)");
        summary("GET /templates/{key}/versions", "The versions of a template, oldest first");
        summary("GET /templates/{key}/versions/{version}", "One version of a template");
        summary("POST /templates/{key}/versions/{version}/rollback",
                "Save an old version again as the new current version");
        summary("POST /templates/{key}/preview", "Render a template with sample data");
        summary("GET /tags", "The entities and fields templates may use");
        summary("GET /tags/{entity}", "The fields of one entity");
        summary("GET /rules", "List the rules");
        summary("POST /rules", "Create a rule");
        summary("POST /rules/explain", "What every rule would do with an event, storing nothing");
        summary("POST /rules/bulk", "Enable, disable or delete several rules at once");
        summary("GET /rules/{key}", "One rule");
        summary("PUT /rules/{key}", "Create or change a rule");
        summary("DELETE /rules/{key}", "Delete a rule");
        summary("GET /locations", "List the locations (time zone, working hours)");
        summary("GET /locations/{key}", "One location");
        summary("PUT /locations/{key}", "Create or change a location");
        summary("DELETE /locations/{key}", "Delete a location");
        summary("GET /communications", "Search the record by entity, contact and status");
        summary("GET /communications/{id}", "One communication");
        summary("POST /communications/{id}/cancel", "Cancel a communication not yet sent");
        summary("POST /communications/{id}/retry", "Retry a FAILED or QUEUED communication now");
        summary("POST /communications/{id}/resend", "Send a SENT, DELIVERED or FAILED communication again, as a new one");
        summary("POST /communications/retry", "Retry now every FAILED communication of a channel, rule or time range");
        summary("GET /communications/{id}/engagement", "Opens and clicks of one email");
        summary("GET /engagement", "Opens and clicks per rule");
        summary("GET /channels", "The channels, their media, priority and state");
        summary("GET /media", "The media declared now (built-in and of the installed channels), their content kinds and channels");
        summary("POST /channels/{name}/pause", "Give a channel nothing until resumed");
        summary("POST /channels/{name}/resume", "Route to a paused channel again");
        summary("POST /channels/{name}/drain", "Give a channel nothing new and report when what it has in flight is done");
        summary("GET /dispatch", "Whether dispatch runs and what is paused");
        summary("POST /dispatch/pause", "Pause all dispatch of this node");
        summary("POST /dispatch/resume", "Resume all dispatch of this node");
        summary("GET /metrics", "Metrics in the Prometheus text format");
        summary("GET /metrics/prometheus", "Metrics in the Prometheus text format (also with the scrape token)");
        summary("GET /devbox/messages", "What the devbox kept, bodies included");
        summary("DELETE /devbox/messages", "Forget what the devbox kept");
        summary("GET /consent", "The consent choices recorded for an address");
        summary("POST /consent", "Record an opt-in or opt-out");
        summary("GET /link-responses", "What recipients answered through dynamic links");
        summary("POST /contacts/erase", "Erase a contact on its request to be forgotten");
        summary("GET /suppressions", "The suppression list, or one address on it");
        summary("POST /suppressions", "Suppress an address by hand, with the reason");
        summary("DELETE /suppressions/{address}", "Take an address off the suppression list");
        summary("POST /communications", "Log a communication Tidings does not send (a call, a letter, a visit); "
                + "the same id twice records once");
        summary("PUT /communications/{id}", "Edit a DRAFT logged communication or complete it (with send: an EMAIL or "
                + "SMS draft goes through the queue)");
        summary("POST /communications/{id}/follow-up", "Set the follow-up of a communication: when it is due and who does it");
        summary("POST /communications/{id}/follow-up/complete", "Complete a follow-up, recording the communication "
                + "that completes it");
        summary("GET /follow-ups", "Open follow-ups, soonest due first, by owner and due before");
        summary("GET /feed", "One contact's or entity's communications (sent, received, logged, link responses), "
                + "newest first, by offset and limit");
        summary("GET /communication-categories", "The categories of logged communications");
        summary("POST /communication-categories", "Add or rename a category of logged communications");
        summary("DELETE /communication-categories/{key}", "Remove a category of logged communications");
        summary("GET /webhooks", "The host's webhooks (never their secrets)");
        summary("POST /webhooks", "Register a webhook: a URL, a signing secret and the events it is told of");
        summary("GET /webhooks/{key}", "One webhook (its secret only as set or missing)");
        summary("PUT /webhooks/{key}", "Create or change a webhook; without a secret the stored one is kept");
        summary("DELETE /webhooks/{key}", "Remove a webhook and its deliveries");
        summary("GET /webhooks/{key}/deliveries", "A webhook's newest deliveries: status, attempts, last error, next attempt");
        summary("POST /webhooks/{key}/deliveries/{id}/redrive", "Queue a FAILED delivery again, due now, with its same id");
        summary("GET /api-keys", "The API keys hosts authenticate with (never their tokens)");
        summary("POST /api-keys", "Issue an API key: its token is shown this once");
        summary("DELETE /api-keys/{id}", "Revoke an API key");
        summary("GET /audit", "Who changed what and when, newest first");
        summary("GET /units", "The organisational units {key, name, parent} the caller may see (the tree: head office → region → shop)");
        summary("POST /units", "Create a unit {key, name, parent}; the parent must exist");
        summary("GET /units/{key}", "One organisational unit");
        summary("PUT /units/{key}", "Create or change a unit (its name or parent; no cycles)");
        summary("DELETE /units/{key}", "Delete a unit nothing belongs to any more (409 names what still does)");
        summary("POST /runs", "Open a notification run that several batches add to");
        summary("GET /runs", "The notification runs, newest first");
        summary("GET /runs/{key}", "One run's report: communications by status, reasons, engagement, languages, channels");
        summary("GET /runs/{key}/export", "A run's communications as CSV, without addresses or bodies");
        summary("POST /runs/{key}/close", "Stop a run taking events");
        summary("POST /runs/{key}/cancel", "Cancel what of a run is not yet sent");
        summary("POST /queue/{channel}/claim", "Claim messages of an external channel's queue");
        summary("POST /queue/{channel}/{id}/ack", "Acknowledge a claimed message with its outcome");
    }

    private static void summary(String route, String text) {
        SUMMARIES.put(route, text);
    }

    private OpenApiDocument() {
    }

    /** @param routes the role each method on each path needs, as {@code "GET /templates/{key}"} */
    public static ObjectNode of(Map<String, Role> routes) {
        ObjectNode doc = JsonCodec.object();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Tidings REST API");
        info.put("version", "1");
        info.put("description", "Customer notifications: events in, communications out. Each operation names the"
                + " Tidings role it needs in x-tidings-role; tidings-admin may do everything.");
        doc.putArray("servers").addObject().put("url", "/tidings/api/v1");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("basic").put("type", "http").put("scheme", "basic");
        schemes.putObject("scrapeToken").put("type", "http").put("scheme", "bearer")
                .put("description", "The scrape token of etc/io.tidings.rest.cfg; opens the metrics only");
        ObjectNode error = components.putObject("schemas").putObject("Error");
        error.put("type", "object");
        ObjectNode errorFields = error.putObject("properties");
        errorFields.putObject("error").put("type", "string").put("description", "what is wrong");
        errorFields.putObject("field").put("type", "string").put("description", "where: the field at fault");
        errorFields.putObject("line").put("type", "integer");
        errorFields.putObject("column").put("type", "integer");
        doc.putArray("security").addObject().putArray("basic");

        ObjectNode paths = doc.putObject("paths");
        ObjectNode self = paths.putObject(PATH).putObject("get");
        self.put("operationId", "getOpenApi");
        self.put("summary", "This document; no login needed");
        self.putArray("security").addObject();
        self.putObject("responses").putObject("200").put("description", "the OpenAPI document");
        routes.forEach((route, role) -> {
            int space = route.indexOf(' ');
            String method = route.substring(0, space);
            String path = route.substring(space + 1);
            ObjectNode operation = (paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path))
                    .putObject(method.toLowerCase(Locale.ROOT));
            operation.put("operationId", operationId(method, path));
            operation.put("summary", SUMMARIES.getOrDefault(route, ""));
            operation.put("x-tidings-role", role.karafName());
            ArrayNode parameters = operation.putArray("parameters");
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", m.group(1));
                parameter.put("in", "path");
                parameter.put("required", true);
                parameter.putObject("schema").put("type", "string");
            }
            if (route.startsWith("GET /metrics")) {
                operation.putArray("security").addObject().putArray("basic");
                if (route.equals("GET /metrics/prometheus")) {
                    ((ArrayNode) operation.get("security")).addObject().putArray("scrapeToken");
                }
            }
            ObjectNode responses = operation.putObject("responses");
            responses.putObject("2XX").put("description", "done");
            for (String status : new String[] {"400", "401", "403", "404", "409"}) {
                responses.putObject(status).put("description", describe(status)).putObject("content")
                        .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
            }
        });
        return doc;
    }

    private static String describe(String status) {
        return switch (status) {
            case "400" -> "bad input: the error names the field";
            case "401" -> "no or wrong credentials";
            case "403" -> "the caller lacks the role";
            case "404" -> "no such resource";
            default -> "the resource's state does not allow it";
        };
    }

    /** {@code POST /communications/{id}/retry} → {@code postCommunicationsIdRetry}. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.split("[/{}.-]+")) {
            if (!segment.isEmpty()) {
                id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
            }
        }
        return id.toString();
    }
}
