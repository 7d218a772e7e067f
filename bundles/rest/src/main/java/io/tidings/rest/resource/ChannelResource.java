package io.tidings.rest.resource;

import java.util.Map;

import io.tidings.rest.json.ChannelJson;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code GET /channels}: the channels the engine routes to, as its directory lists them; an empty
 * list when there are none, 503 while the engine is not running.
 */
final class ChannelResource {

    private final Services services;

    ChannelResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/channels", Role.VIEWER, this::list);
        router.add("GET", "/media", Role.VIEWER, this::media);
    }

    /** The media declared now: the built-in ones and each a registered channel serves, with its content kind. */
    private ApiResponse media(ApiRequest request, Map<String, String> params) {
        return ApiResponse.ok(ChannelJson.writeMedia(services.channels().media()));
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        return ApiResponse.ok(ChannelJson.write(services.channels().channels()));
    }
}
