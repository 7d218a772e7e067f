package io.tidings.rest.resource;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.channel.MessageArchive;
import io.tidings.rest.json.ArchiveJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/** {@code /devbox/messages}: what the devbox channel kept, newest first; 404 when no devbox is installed. */
final class DevboxResource {

    static final int DEFAULT_LIMIT = 50;

    private final Services services;

    DevboxResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/devbox/messages", Role.VIEWER_CONTENT, this::list)
                .add("DELETE", "/devbox/messages", Role.ADMIN, Audit.of("cleared", "devbox", null), this::clear);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        int limit = Queries.limit(request, DEFAULT_LIMIT);
        ArrayNode array = JsonCodec.array();
        archive().messages(limit).forEach(entry -> array.add(ArchiveJson.write(entry)));
        return ApiResponse.ok(array);
    }

    private ApiResponse clear(ApiRequest request, Map<String, String> params) {
        archive().clear();
        return ApiResponse.noContent();
    }

    private MessageArchive archive() {
        MessageArchive archive = services.archive();
        if (archive == null) {
            throw ApiException.notFound("no message archive is installed (the devbox channel is off)");
        }
        return archive;
    }
}
