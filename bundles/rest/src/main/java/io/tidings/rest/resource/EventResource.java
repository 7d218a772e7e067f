package io.tidings.rest.resource;

import java.util.Map;

import io.tidings.api.BusinessEvent;
import io.tidings.api.IngestResult;
import io.tidings.rest.json.EventJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Router;

/** {@code POST /events}: 202 for a new event, 200 with {@code duplicate: true} for a repeated id. */
final class EventResource {

    private final Services services;

    EventResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("POST", "/events", this::submit);
    }

    private ApiResponse submit(ApiRequest request, Map<String, String> params) {
        BusinessEvent event = EventJson.read(JsonCodec.parse(request.contentType(), request.body()));
        // Validate before looking the engine up, so bad input is a 400 even while the engine is away.
        event.validate();
        IngestResult result = services.notifications().submit(event);
        return ApiResponse.of(result.duplicate() ? 200 : 202, EventJson.ingestResult(event.id(), result));
    }
}
