package io.tidings.rest.resource;

import java.util.List;
import java.util.Map;

import io.tidings.api.BusinessEvent;
import io.tidings.api.IngestResult;
import io.tidings.api.ManualMessage;
import io.tidings.rest.json.EventJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.MessageJson;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code POST /events} and {@code POST /messages} (a message an agent wrote): 202 when new, 200
 * with {@code duplicate: true} for a repeated id.
 */
final class EventResource {

    private final Services services;

    EventResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("POST", "/events", Role.INGEST, this::submit);
        router.add("POST", "/events/batch", Role.INGEST, this::submitAll);
        router.add("POST", "/messages", Role.INGEST, this::send);
    }

    private ApiResponse submit(ApiRequest request, Map<String, String> params) {
        BusinessEvent event = EventJson.read(JsonCodec.parse(request.contentType(), request.body()));
        // Validate before looking the engine up, so bad input is a 400 even while the engine is away.
        event.validate();
        // a unit-scoped key's or a limited user's event is of its unit: its communications belong there
        event = event.withUnit(services.assignUnit(request, event.unit()));
        IngestResult result = services.notifications().submit(event);
        return ApiResponse.of(result.duplicate() ? 200 : 202, EventJson.ingestResult(event.id(), result));
    }

    /**
     * All or none: 202 when any event is new, 200 when every one was known already. With
     * {@code "run":{"key","name"}} the events join that notification run (opened by this batch when
     * no run has the key).
     */
    private ApiResponse submitAll(ApiRequest request, Map<String, String> params) {
        com.fasterxml.jackson.databind.JsonNode body = JsonCodec.parse(request.contentType(), request.body());
        List<BusinessEvent> read = EventJson.readBatch(body);
        List<BusinessEvent> events = new java.util.ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            try {
                events.add(read.get(i).withUnit(services.assignUnit(request, read.get(i).unit())));
            } catch (io.tidings.api.ValidationException e) {
                throw new io.tidings.api.ValidationException("events[" + i + "]." + e.field(), e.reason());
            }
        }
        io.tidings.rest.json.RunJson.Member run = io.tidings.rest.json.RunJson.readMember(body);
        List<IngestResult> results = run == null ? services.notifications().submitAll(events)
                : RunResource.inState(() -> services.runs().submit(run.key(), run.name(), events, request.user()));
        boolean anyNew = results.stream().anyMatch(r -> !r.duplicate());
        return ApiResponse.of(anyNew ? 202 : 200, EventJson.batchResult(events, results));
    }

    private ApiResponse send(ApiRequest request, Map<String, String> params) {
        ManualMessage message = MessageJson.read(JsonCodec.parse(request.contentType(), request.body()));
        message.validate();
        message = message.withUnit(services.assignUnit(request, message.unit()));
        IngestResult result = services.notifications().send(message);
        return ApiResponse.of(result.duplicate() ? 200 : 202, MessageJson.result(message.id(), result));
    }
}
