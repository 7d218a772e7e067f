package io.tidings.rest.resource;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.tag.EntityDescriptor;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.TagJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/** {@code /tags[/{entity}]}: the entities and fields of the tag providers installed now. */
final class TagResource {

    private final Services services;

    TagResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/tags", Role.VIEWER, this::list)
                .add("GET", "/tags/{entity}", Role.VIEWER, this::get);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        services.tags().entities().forEach(e -> array.add(TagJson.write(e)));
        return ApiResponse.ok(array);
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        String name = params.get("entity");
        for (EntityDescriptor entity : services.tags().entities()) {
            if (entity.entity().equals(name)) {
                return ApiResponse.ok(TagJson.write(entity));
            }
        }
        throw ApiException.notFound("no installed tag provider describes the entity '" + name + "'");
    }
}
