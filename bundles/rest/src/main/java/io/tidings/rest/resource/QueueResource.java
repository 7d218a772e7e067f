package io.tidings.rest.resource;

import java.util.Map;

import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.QueueJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code /queue/{channel}}: an external system claims the messages routed to its external channel
 * ({@code POST /queue/{channel}/claim}) and acknowledges each ({@code POST /queue/{channel}/{id}/ack}).
 */
final class QueueResource {

    private final Services services;

    QueueResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("POST", "/queue/{channel}/claim", Role.INGEST, this::claim)
                .add("POST", "/queue/{channel}/{id}/ack", Role.INGEST, this::ack);
    }

    private ApiResponse claim(ApiRequest request, Map<String, String> params) {
        QueueJson.Claim claim = QueueJson.readClaim(request.body() == null || request.body().length == 0 ? null
                : JsonCodec.parse(request.contentType(), request.body()));
        visible(request, params.get("channel"));
        return ApiResponse.ok(QueueJson.write(services.queue().claim(params.get("channel"), claim.limit(), claim.lease())));
    }

    private ApiResponse ack(ApiRequest request, Map<String, String> params) {
        QueueJson.Ack ack = QueueJson.readAck(JsonCodec.parse(request.contentType(), request.body()));
        visible(request, params.get("channel"));
        if (!services.queue().acknowledge(params.get("channel"), params.get("id"), ack.delivered(), ack.reason())) {
            throw ApiException.notFound("channel " + params.get("channel") + " holds no message '" + params.get("id")
                    + "' (acknowledged already, or its hand-over is not recorded yet: acknowledge again in a moment)");
        }
        return ApiResponse.noContent();
    }

    /**
     * A caller limited to units uses only the external channels of its units and the units below: another
     * channel answers 404, as an unknown one does.
     */
    private void visible(ApiRequest request, String channel) {
        io.tidings.api.access.UnitScope scope = services.scope(request);
        if (scope.restricted() && !scope.seesRecord(services.queue().unitOf(channel))) {
            throw ApiException.notFound("no external channel '" + channel + "' of your units");
        }
    }
}
