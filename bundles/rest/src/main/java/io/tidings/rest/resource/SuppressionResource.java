package io.tidings.rest.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionList;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.SuppressionJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code /suppressions}: the addresses no message goes to (hard bounces, complaints, an
 * administrator's entries). Viewers read the list; administrators add and remove entries.
 */
final class SuppressionResource {

    private final Services services;

    SuppressionResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/suppressions", Role.VIEWER, this::list)
                .add("POST", "/suppressions", Role.ADMIN, (request, params, response, before) -> List.of(
                        new Audit.Change("suppressed", "suppression",
                                AuditEntry.contactKey(response.body().get("address").asText()),
                                response.body().path("scope").asText(null))), this::suppress)
                .add("DELETE", "/suppressions/{address}", Role.ADMIN, (request, params, response, before) -> List.of(
                        new Audit.Change("unsuppressed", "suppression", AuditEntry.contactKey(params.get("address")),
                                null)), this::remove);
    }

    /** With {@code address}: its entry or none, in any writing of it; without: the newest entries. */
    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        SuppressionList list = services.suppressions();
        String address = request.param("address");
        ArrayNode array = JsonCodec.array();
        if (address != null && !address.isBlank()) {
            list.suppression(address).ifPresent(s -> array.add(SuppressionJson.write(s)));
        } else {
            for (Suppression s : list.suppressions(Queries.limit(request, 100))) {
                array.add(SuppressionJson.write(s));
            }
        }
        return ApiResponse.ok(array);
    }

    private ApiResponse suppress(ApiRequest request, Map<String, String> params) {
        SuppressionJson.Entry entry = SuppressionJson.read(JsonCodec.parse(request.contentType(), request.body()));
        Suppression stored = services.suppressions().suppress(entry.address(), entry.scope(), entry.reason());
        return ApiResponse.created(Queries.location("suppressions", stored.address()), SuppressionJson.write(stored));
    }

    private ApiResponse remove(ApiRequest request, Map<String, String> params) {
        if (!services.suppressions().remove(params.get("address"))) {
            throw ApiException.notFound("no suppression of " + params.get("address"));
        }
        return ApiResponse.noContent();
    }
}
