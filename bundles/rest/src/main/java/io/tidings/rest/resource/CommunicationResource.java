package io.tidings.rest.resource;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.NotificationService;
import io.tidings.api.ValidationException;
import io.tidings.rest.json.CommunicationJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/** {@code /communications[?entityType&entityId&contact&status&run&limit]}, {@code /{id}}, {@code /{id}/cancel}. */
final class CommunicationResource {

    static final int DEFAULT_LIMIT = 100;

    private final Services services;

    CommunicationResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/communications", Role.VIEWER, this::list)
                .add("GET", "/communications/{id}", Role.VIEWER, this::get)
                .add("POST", "/communications/{id}/cancel", Role.ADMIN, Audit.of("cancelled", "communication", "id"),
                        this::cancel);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        CommunicationQuery query = new CommunicationQuery(request.param("entityType"), request.param("entityId"),
                request.param("contact"), CommunicationStatus.parse(request.param("status")),
                Queries.limit(request, DEFAULT_LIMIT), request.param("run"));
        ArrayNode array = JsonCodec.array();
        services.notifications().communications(query).forEach(c -> array.add(CommunicationJson.write(c, request.mayReadContent())));
        return ApiResponse.ok(array);
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        return ApiResponse.ok(CommunicationJson.write(existing(services.notifications(), params.get("id")),
                request.mayReadContent()));
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
        Communication before = existing(engine, id);
        if (!engine.cancel(id, reason)) {
            Communication now = engine.communication(id).orElse(before);
            throw ApiException.conflict("communication " + id + " is " + now.status()
                    + "; only a communication not yet sent can be cancelled", "status");
        }
        return ApiResponse.ok(CommunicationJson.write(existing(engine, id)));
    }

    private static Communication existing(NotificationService engine, String id) {
        return engine.communication(id).orElseThrow(() -> ApiException.notFound("no communication '" + id + "'"));
    }
}
