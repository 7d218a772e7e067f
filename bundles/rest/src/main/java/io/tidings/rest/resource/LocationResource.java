package io.tidings.rest.resource;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.ValidationException;
import io.tidings.api.location.Location;
import io.tidings.api.location.LocationService;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.LocationJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/** {@code /locations[/{key}]}: time zone, country and working hours. */
final class LocationResource {

    private final Services services;

    LocationResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/locations", Role.VIEWER, this::list)
                .add("GET", "/locations/{key}", Role.VIEWER, this::get)
                .add("PUT", "/locations/{key}", Role.EDITOR, Audit.saved("location"), this::put)
                .add("DELETE", "/locations/{key}", Role.EDITOR, Audit.saved("location"), this::delete);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        io.tidings.api.access.UnitScope scope = services.scope(request);
        services.locations().locations().stream().filter(l -> scope.sees(l.unit()))
                .forEach(l -> array.add(LocationJson.write(l)));
        return ApiResponse.ok(array);
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        return ApiResponse.ok(LocationJson.write(existing(request, key)));
    }

    private ApiResponse put(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        Location location = LocationJson.read(JsonCodec.parse(request.contentType(), request.body()));
        if (location.key() == null) {
            location = location.withKey(key);
        } else if (!location.key().equals(key)) {
            throw new ValidationException("key", "'" + location.key() + "' differs from the key in the path '" + key + "'");
        }
        LocationService store = services.locations();
        java.util.Optional<Location> before = visible(request, store.location(key));
        before.ifPresent(l -> services.checkChange(request, l.unit()));
        boolean existed = before.isPresent();
        location = location.withUnit(services.assignUnit(request, location.unit()));
        Location saved = store.save(location);
        return existed ? ApiResponse.ok(LocationJson.write(saved))
                : ApiResponse.created(Queries.location("locations", key), LocationJson.write(saved));
    }

    /** The location if the caller may see it: another unit's answers 404 as an unknown one does. */
    private Location existing(ApiRequest request, String key) {
        return visible(request, services.locations().location(key))
                .orElseThrow(() -> ApiException.notFound("no location '" + key + "'"));
    }

    private java.util.Optional<Location> visible(ApiRequest request, java.util.Optional<Location> location) {
        io.tidings.api.access.UnitScope scope = services.scope(request);
        return location.filter(l -> scope.sees(l.unit()));
    }

    private ApiResponse delete(ApiRequest request, Map<String, String> params) {
        services.checkChange(request, existing(request, params.get("key")).unit());
        if (!services.locations().delete(params.get("key"))) {
            throw ApiException.notFound("no location '" + params.get("key") + "'");
        }
        return ApiResponse.noContent();
    }
}
