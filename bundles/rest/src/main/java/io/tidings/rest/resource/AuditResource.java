package io.tidings.rest.resource;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.ValidationException;
import io.tidings.api.access.AuditQuery;
import io.tidings.rest.json.AccessJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code GET /audit?since=&actor=&object=&limit=}: who changed what, newest first; {@code object} is a
 * type ({@code template}) or a type and key ({@code template:order-ready}). Administrators only: it
 * names users and what they did.
 */
final class AuditResource {

    static final int DEFAULT_LIMIT = 100;

    private final Services services;

    AuditResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/audit", Role.ADMIN, this::list);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        String object = request.param("object");
        String type = object;
        String key = null;
        if (object != null) {
            int colon = object.indexOf(':');
            if (colon == 0 || colon == object.length() - 1) {
                throw new ValidationException("object", "must be a type (template) or a type and key "
                        + "(template:order-ready), was '" + object + "'");
            }
            if (colon > 0) {
                type = object.substring(0, colon);
                key = object.substring(colon + 1);
            }
        }
        AuditQuery query = new AuditQuery(Queries.since(request), request.param("actor"), type, key,
                Queries.limit(request, DEFAULT_LIMIT));
        ArrayNode array = JsonCodec.array();
        services.audit().entries(query).forEach(e -> array.add(AccessJson.write(e)));
        return ApiResponse.ok(array);
    }
}
