package io.tidings.rest.resource;

import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.DispatchControl;
import io.tidings.api.DispatcherStatus;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * An operator's brakes: {@code GET /dispatch}, {@code POST /dispatch/pause|resume} and
 * {@code POST /channels/{name}/pause|resume|drain}. Each answers what is paused now.
 */
final class DispatchResource {

    private final Services services;

    DispatchResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/dispatch", Role.VIEWER, this::state)
                .add("POST", "/dispatch/pause", Role.ADMIN, Audit.of("paused", "dispatch", null), (request, params) -> {
                    services.dispatchControl().pause();
                    return state(request, params);
                })
                .add("POST", "/dispatch/resume", Role.ADMIN, Audit.of("resumed", "dispatch", null), (request, params) -> {
                    services.dispatchControl().resume();
                    return state(request, params);
                })
                .add("POST", "/channels/{name}/pause", Role.ADMIN, Audit.of("paused", "channel", "name"), this::pauseChannel)
                .add("POST", "/channels/{name}/resume", Role.ADMIN, Audit.of("resumed", "channel", "name"),
                        this::resumeChannel)
                .add("POST", "/channels/{name}/drain", Role.ADMIN, Audit.of("drained", "channel", "name"),
                        this::drainChannel);
    }

    /** {@code {"running":true,"paused":false,"pausedChannels":["smtp-main"]}} */
    private ApiResponse state(ApiRequest request, Map<String, String> params) {
        DispatchControl control = services.dispatchControl();
        DispatcherStatus status = services.dispatcherIfAvailable();
        ObjectNode body = JsonCodec.object();
        body.put("running", status != null && status.running());
        body.put("paused", control.paused());
        new TreeSet<>(control.pausedChannels()).forEach(body.putArray("pausedChannels")::add);
        return ApiResponse.ok(body);
    }

    private ApiResponse pauseChannel(ApiRequest request, Map<String, String> params) {
        String name = params.get("name");
        if (!services.dispatchControl().pauseChannel(name)) {
            throw ApiException.notFound("no channel '" + name + "'");
        }
        return channel(name, true);
    }

    /**
     * {@code {"channel","state":"DRAINING"|"DRAINED","inFlight":n}}: the channel is given nothing new;
     * once {@code inFlight} is 0 ({@code GET /channels} shows {@code DRAINED}) it can be removed.
     */
    private ApiResponse drainChannel(ApiRequest request, Map<String, String> params) {
        String name = params.get("name");
        DispatchControl control = services.dispatchControl();
        if (!control.drainChannel(name)) {
            throw ApiException.notFound("no channel '" + name + "'");
        }
        int inFlight = control.inFlight(name);
        ObjectNode body = JsonCodec.object();
        body.put("channel", name);
        body.put("state", inFlight > 0 ? "DRAINING" : "DRAINED");
        body.put("inFlight", inFlight);
        return ApiResponse.ok(body);
    }

    private ApiResponse resumeChannel(ApiRequest request, Map<String, String> params) {
        String name = params.get("name");
        DispatchControl control = services.dispatchControl();
        if (!control.resumeChannel(name) && services.channels().channel(name).isEmpty()) {
            throw ApiException.notFound("no channel '" + name + "'");
        }
        return channel(name, false);
    }

    private static ApiResponse channel(String name, boolean paused) {
        ObjectNode body = JsonCodec.object();
        body.put("channel", name);
        body.put("paused", paused);
        return ApiResponse.ok(body);
    }
}
