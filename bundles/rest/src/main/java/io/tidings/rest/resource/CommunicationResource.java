package io.tidings.rest.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;
import io.tidings.rest.json.CommunicationJson;
import io.tidings.rest.json.LogJson;
import io.tidings.rest.json.FailedQueryJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code /communications[?entityType&entityId&contact&status&run&limit]}, {@code /{id}}, an operator's
 * {@code /{id}/cancel|retry|resend} and the bulk retry of FAILED ones, {@code POST /communications/retry}.
 */
final class CommunicationResource {

    static final int DEFAULT_LIMIT = 100;

    private final Services services;

    CommunicationResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        // before /communications/{id}, which would take "retry" for an id
        router.add("POST", "/communications/retry", Role.ADMIN, (request, params, response, before) -> List.of(
                new Audit.Change("retried", "communication", null, response.body().path("retried").asText()
                        + " failed communication(s)")), this::retryFailed)
                .add("GET", "/communications", Role.VIEWER, this::list)
                .add("GET", "/communications/{id}", Role.VIEWER, this::get)
                .add("POST", "/communications/{id}/cancel", Role.ADMIN, Audit.of("cancelled", "communication", "id"),
                        this::cancel)
                .add("POST", "/communications/{id}/retry", Role.ADMIN, Audit.of("retried", "communication", "id"),
                        this::retry)
                .add("POST", "/communications/{id}/resend", Role.ADMIN, Audit.of("resent", "communication", "id"),
                        this::resend);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        CommunicationQuery query = new CommunicationQuery(request.param("entityType"), request.param("entityId"),
                request.param("contact"), CommunicationStatus.parse(request.param("status")),
                Queries.limit(request, DEFAULT_LIMIT), request.param("run"), request.param("contactId"), null);
        io.tidings.api.access.UnitScope scope = services.scope(request);
        if (scope.restricted()) {
            query = query.withUnits(scope.visible());
        }
        ArrayNode array = JsonCodec.array();
        services.notifications().communications(query).forEach(c -> array.add(CommunicationJson.write(c, request.mayReadContent())));
        return ApiResponse.ok(array);
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        java.util.Optional<Communication> sent = services.notifications().communication(params.get("id"));
        if (sent.isEmpty() && !services.scope(request).restricted()) {
            // a communication Tidings did not send: logged by a person or host, or received (the log
            // has no units: callers limited to units see only what was sent in their units)
            java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> logged = services
                    .communicationLogIfPresent().flatMap(log -> log.find(params.get("id")).map(l -> LogJson.write(l,
                            log.followUpOf(l.id()).orElse(null), request.mayReadContent())));
            if (logged.isPresent()) {
                return ApiResponse.ok(logged.get());
            }
        }
        Communication c = existing(request, services.notifications(), params.get("id"));
        com.fasterxml.jackson.databind.node.ObjectNode json = CommunicationJson.write(c, request.mayReadContent());
        List<String> gathered = services.notifications().digestEvents(c.id());
        if (!gathered.isEmpty()) {
            // a digest: the events it gathers (ids only, as the record names its own event)
            com.fasterxml.jackson.databind.node.ObjectNode digest = json.putObject("digest");
            digest.put("count", gathered.size());
            gathered.forEach(digest.putArray("events")::add);
        }
        return ApiResponse.ok(json);
    }

    /** The body is optional: {@code {"reason": "…"}} is recorded as the status reason. */
    private ApiResponse cancel(ApiRequest request, Map<String, String> params) {
        String reason = "cancelled over the REST API";
        if (request.hasBody()) {
            JsonNode body = JsonCodec.parse(request.contentType(), request.body());
            if (!body.isObject()) {
                throw new ValidationException("body", "must be a JSON object {\"reason\"}");
            }
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("reason")) {
                    throw new ValidationException(name, "is not a known field; known fields: reason");
                }
            });
            JsonNode text = body.get("reason");
            if (text != null && !text.isNull()) {
                if (!text.isTextual()) {
                    throw new ValidationException("reason", "must be a string");
                }
                reason = text.textValue();
            }
        }
        NotificationService engine = services.notifications();
        String id = params.get("id");
        Communication before = existing(request, engine, id);
        if (!engine.cancel(id, reason)) {
            Communication now = engine.communication(id).orElse(before);
            throw ApiException.conflict("communication " + id + " is " + now.status()
                    + "; only a communication not yet sent can be cancelled", "status");
        }
        return ApiResponse.ok(CommunicationJson.write(existing(request, engine, id)));
    }

    /** Retry now: a FAILED or QUEUED communication is due at once. */
    private ApiResponse retry(ApiRequest request, Map<String, String> params) {
        NotificationService engine = services.notifications();
        String id = params.get("id");
        Communication before = existing(request, engine, id);
        if (!engine.retry(id)) {
            Communication now = engine.communication(id).orElse(before);
            throw ApiException.conflict("communication " + id + " is " + now.status()
                    + "; only a FAILED or QUEUED communication can be retried", "status");
        }
        return ApiResponse.ok(CommunicationJson.write(existing(request, engine, id)));
    }

    /** A new communication like a SENT, DELIVERED or FAILED one: 201 with it. */
    private ApiResponse resend(ApiRequest request, Map<String, String> params) {
        NotificationService engine = services.notifications();
        String id = params.get("id");
        Communication before = existing(request, engine, id);
        String copy = engine.resend(id).orElseThrow(() -> ApiException.conflict("communication " + id + " is "
                + engine.communication(id).orElse(before).status()
                + "; only a SENT, DELIVERED or FAILED communication can be sent again", "status"));
        return ApiResponse.created(Queries.location("communications", copy), CommunicationJson.write(existing(request, engine, copy)));
    }

    /** {@code {"channel","rule","failedFrom","failedTo"}} → {@code {"retried": n}}. */
    private ApiResponse retryFailed(ApiRequest request, Map<String, String> params) {
        if (services.scope(request).restricted()) {
            throw new io.tidings.api.access.UnitAccessException(null, "retrying failed communications in bulk spans"
                    + " every unit; an administrator limited to units retries them one by one");
        }
        if (!request.hasBody()) {
            throw new ValidationException("body", "must be a JSON object {\"channel\",\"rule\",\"failedFrom\",\"failedTo\"}");
        }
        int retried = services.notifications().retryFailed(FailedQueryJson.read(JsonCodec.parse(request.contentType(),
                request.body())));
        com.fasterxml.jackson.databind.node.ObjectNode body = JsonCodec.object();
        body.put("retried", retried);
        return ApiResponse.ok(body);
    }

    /** The communication if the caller may see it: another unit's answers 404 as an unknown one does. */
    private Communication existing(ApiRequest request, NotificationService engine, String id) {
        io.tidings.api.access.UnitScope scope = services.scope(request);
        return engine.communication(id).filter(c -> scope.seesRecord(c.unit()))
                .orElseThrow(() -> ApiException.notFound("no communication '" + id + "'"));
    }
}
