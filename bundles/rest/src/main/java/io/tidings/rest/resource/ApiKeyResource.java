package io.tidings.rest.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.access.IssuedApiKey;
import io.tidings.rest.json.AccessJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/** {@code /api-keys[/{id}]}: the keys host platforms authenticate with, for administrators only. */
final class ApiKeyResource {

    private final Services services;

    ApiKeyResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/api-keys", Role.ADMIN, this::list)
                .add("POST", "/api-keys", Role.ADMIN, ApiKeyResource::issued, this::issue)
                .add("DELETE", "/api-keys/{id}", Role.ADMIN, Audit.of("revoked", "api-key", "id"), this::revoke);
    }

    /** The key's id as the object, its name and roles as the detail; never its token. */
    private static List<Audit.Change> issued(ApiRequest request, Map<String, String> params, ApiResponse response,
            Object before) {
        JsonNode key = response.body();
        List<String> roles = new ArrayList<>();
        key.get("roles").forEach(role -> roles.add(role.asText()));
        return List.of(new Audit.Change("issued", "api-key", key.get("id").asText(),
                "name " + key.get("name").asText() + ", roles " + String.join(", ", roles)));
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        services.apiKeys().keys().forEach(k -> array.add(AccessJson.write(k)));
        return ApiResponse.ok(array);
    }

    private ApiResponse issue(ApiRequest request, Map<String, String> params) {
        AccessJson.KeyRequest wanted = AccessJson.readKeyRequest(JsonCodec.parse(request.contentType(), request.body()));
        IssuedApiKey issued = services.apiKeys().issue(wanted.name(), wanted.roles(), wanted.unit());
        return ApiResponse.created(Queries.location("api-keys", issued.key().id()), AccessJson.write(issued));
    }

    private ApiResponse revoke(ApiRequest request, Map<String, String> params) {
        if (!services.apiKeys().revoke(params.get("id"))) {
            throw ApiException.notFound("no API key '" + params.get("id") + "'");
        }
        return ApiResponse.noContent();
    }
}
