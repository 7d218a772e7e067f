package io.tidings.rest.resource;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.ValidationException;
import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitScope;
import io.tidings.api.access.Units;
import io.tidings.rest.json.AccessJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code /units[/{key}]}: the tree of organisational units. Everyone who may read sees the units
 * visible to it; administrators change the tree (one limited to units, only below its own).
 */
final class UnitResource {

    private final Services services;

    UnitResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/units", Role.VIEWER, this::list)
                .add("POST", "/units", Role.ADMIN, Audit.saved("unit"), this::create)
                .add("GET", "/units/{key}", Role.VIEWER, this::get)
                .add("PUT", "/units/{key}", Role.ADMIN, Audit.saved("unit"), this::put)
                .add("DELETE", "/units/{key}", Role.ADMIN, Audit.saved("unit"), this::delete);
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        UnitScope scope = services.scope(request);
        ArrayNode array = JsonCodec.array();
        services.units().units().stream().filter(u -> scope.seesRecord(u.key()))
                .forEach(u -> array.add(AccessJson.write(u)));
        return ApiResponse.ok(array);
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        return ApiResponse.ok(AccessJson.write(visible(request, params.get("key"))));
    }

    private ApiResponse create(ApiRequest request, Map<String, String> params) {
        Unit unit = AccessJson.readUnit(JsonCodec.parse(request.contentType(), request.body()));
        unit.validate();
        Units units = services.units();
        if (units.unit(unit.key()).isPresent()) {
            throw ApiException.conflict("unit '" + unit.key() + "' exists; PUT /units/" + unit.key() + " changes it",
                    "key");
        }
        checkParent(request, unit);
        units.save(unit);
        return ApiResponse.created(Queries.location("units", unit.key()), AccessJson.write(unit));
    }

    private ApiResponse put(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        Unit unit = AccessJson.readUnit(JsonCodec.parse(request.contentType(), request.body()));
        if (unit.key() == null) {
            unit = new Unit(key, unit.name(), unit.parent());
        } else if (!unit.key().equals(key)) {
            throw new ValidationException("key", "'" + unit.key() + "' differs from the key in the path '" + key
                    + "'; a unit's key cannot be changed");
        }
        unit.validate();
        Units units = services.units();
        boolean existed = units.unit(key).isPresent();
        if (existed) {
            visible(request, key);
            services.scope(request).check(key);
        }
        checkParent(request, unit);
        units.save(unit);
        return existed ? ApiResponse.ok(AccessJson.write(unit))
                : ApiResponse.created(Queries.location("units", key), AccessJson.write(unit));
    }

    private ApiResponse delete(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        visible(request, key);
        services.scope(request).check(key);
        if (!services.units().delete(key)) {
            throw ApiException.notFound("no unit '" + key + "'");
        }
        return ApiResponse.noContent();
    }

    /** A limited administrator places units only below its own units. */
    private void checkParent(ApiRequest request, Unit unit) {
        UnitScope scope = services.scope(request);
        if (scope.restricted()) {
            scope.check(unit.parent());
        }
    }

    /** The unit, if the caller may see it: another's answers 404 as an unknown one does. */
    private Unit visible(ApiRequest request, String key) {
        UnitScope scope = services.scope(request);
        return services.units().unit(key).filter(u -> scope.seesRecord(u.key()))
                .orElseThrow(() -> ApiException.notFound("no unit '" + key + "'"));
    }
}
