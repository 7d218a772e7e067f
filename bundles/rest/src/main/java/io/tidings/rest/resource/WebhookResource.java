package io.tidings.rest.resource;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.ValidationException;
import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookDeliveryStatus;
import io.tidings.api.webhook.Webhooks;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.WebhookJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code /webhooks[/{key}]}: the host's endpoints Tidings posts events to, and
 * {@code /webhooks/{key}/deliveries[/{id}/redrive]}: what was posted, what failed, and a redrive.
 * Administrators only: a webhook decides where Tidings sends data.
 */
final class WebhookResource {

    private final Services services;

    WebhookResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        Audit saved = Audit.saved("webhook");
        router.add("GET", "/webhooks", Role.ADMIN, this::list)
                .add("POST", "/webhooks", Role.ADMIN, saved, this::create)
                .add("GET", "/webhooks/{key}", Role.ADMIN, this::get)
                .add("PUT", "/webhooks/{key}", Role.ADMIN, saved, this::put)
                .add("DELETE", "/webhooks/{key}", Role.ADMIN, saved, this::delete)
                .add("GET", "/webhooks/{key}/deliveries", Role.ADMIN, this::deliveries)
                .add("POST", "/webhooks/{key}/deliveries/{id}/redrive", Role.ADMIN,
                        (request, params, response, before) -> java.util.List.of(new Audit.Change("redriven",
                                "webhook", params.get("key"), "delivery " + params.get("id"))), this::redrive);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        services.webhooks().webhooks().forEach(w -> array.add(WebhookJson.write(w)));
        return ApiResponse.ok(array);
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        return ApiResponse.ok(WebhookJson.write(existing(params.get("key"))));
    }

    private ApiResponse create(ApiRequest request, Map<String, String> params) {
        WebhookJson.Registration r = WebhookJson.read(JsonCodec.parse(request.contentType(), request.body()));
        Webhooks webhooks = services.webhooks();
        if (r.key() != null && webhooks.webhook(r.key()).isPresent()) {
            throw ApiException.conflict("webhook '" + r.key() + "' exists; PUT /webhooks/" + r.key() + " changes it",
                    "key");
        }
        if (r.secret() == null || r.secret().isBlank()) {
            throw new ValidationException("secret", "is required: the host verifies the signature of each delivery "
                    + "with it");
        }
        Webhook stored = webhooks.save(r.key(), r.url(), r.secret(), r.events());
        return ApiResponse.created(Queries.location("webhooks", stored.key()), WebhookJson.write(stored));
    }

    /** Creates or changes; without a {@code secret} a change keeps the stored one. */
    private ApiResponse put(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        WebhookJson.Registration r = WebhookJson.read(JsonCodec.parse(request.contentType(), request.body()));
        if (r.key() != null && !r.key().equals(key)) {
            throw new ValidationException("key", "'" + r.key() + "' differs from the key in the path '" + key
                    + "'; a webhook's key cannot be changed");
        }
        Webhooks webhooks = services.webhooks();
        boolean existed = webhooks.webhook(key).isPresent();
        Webhook stored = webhooks.save(key, r.url(), r.secret(), r.events());
        return existed ? ApiResponse.ok(WebhookJson.write(stored))
                : ApiResponse.created(Queries.location("webhooks", key), WebhookJson.write(stored));
    }

    private ApiResponse delete(ApiRequest request, Map<String, String> params) {
        if (!services.webhooks().delete(params.get("key"))) {
            throw ApiException.notFound("no webhook '" + params.get("key") + "'");
        }
        return ApiResponse.noContent();
    }

    /** The newest deliveries, {@code ?status=PENDING|DELIVERED|FAILED} and {@code ?limit=} (100). */
    private ApiResponse deliveries(ApiRequest request, Map<String, String> params) {
        String key = existing(params.get("key")).key();
        ArrayNode array = JsonCodec.array();
        services.webhooks().deliveries(key, WebhookDeliveryStatus.parse(request.param("status"), "status"), Queries.limit(request, 100))
                .forEach(d -> array.add(WebhookJson.write(d)));
        return ApiResponse.ok(array);
    }

    /** A FAILED delivery due now, with its same id; 409 for one that is not FAILED. */
    private ApiResponse redrive(ApiRequest request, Map<String, String> params) {
        String key = existing(params.get("key")).key();
        String id = params.get("id");
        try {
            return ApiResponse.ok(WebhookJson.write(services.webhooks().redrive(key, id)
                    .orElseThrow(() -> ApiException.notFound("webhook '" + key + "' has no delivery '" + id + "'"))));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage(), "id");
        }
    }

    private Webhook existing(String key) {
        return services.webhooks().webhook(key).orElseThrow(() -> ApiException.notFound("no webhook '" + key + "'"));
    }
}
