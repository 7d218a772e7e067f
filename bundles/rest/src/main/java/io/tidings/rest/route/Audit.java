package io.tidings.rest.route;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a route's successful answer leaves in the audit trail, declared where the route is
 * registered: {@link Router#add(String, String, Role, Audit, Router.Handler)}. The router records
 * it with the caller as the actor, so no resource writes audit entries itself.
 */
@FunctionalInterface
public interface Audit {

    /** One entry: what was done to which object; {@code objectKey} null when none applies. */
    record Change(String action, String objectType, String objectKey, String detail) {
    }

    /** Where the router writes; {@link #check} refuses a change up front when it could not be recorded. */
    interface Log {
        /** Throws when the audit trail cannot be written now. */
        void check();

        void record(String actor, Change change);

        Log NONE = new Log() {
            @Override
            public void check() {
            }

            @Override
            public void record(String actor, Change change) {
            }
        };
    }

    /** What the route needs to know of the state before the change (read before its handler runs); null by default. */
    default Object before(ApiRequest request, Map<String, String> params) {
        return null;
    }

    /**
     * @param response a 2xx answer of the route
     * @param before   what {@link #before} read
     * @return the entries it leaves, none when it changed nothing
     */
    List<Change> changes(ApiRequest request, Map<String, String> params, ApiResponse response, Object before);

    /**
     * An object saved or deleted by {@code POST}, {@code PUT} or {@code DELETE}: {@code created} (201),
     * {@code changed} (200) or {@code deleted}; its key is the path's {@code {key}}, else the answer's
     * {@code key}; the detail names the answer's {@code version} where it has one.
     */
    static Audit saved(String objectType) {
        return (request, params, response, before) -> List.of(savedChange(objectType, request, params, response));
    }

    /**
     * As {@link #saved}, and a change that only turns the object's {@code enabled} flag is recorded as
     * {@code enabled} or {@code disabled}.
     *
     * @param enabled whether the object of a key is enabled now; null when there is none
     */
    static Audit savedWithFlag(String objectType, Function<String, Boolean> enabled) {
        return new Audit() {
            @Override
            public Object before(ApiRequest request, Map<String, String> params) {
                String key = params.get("key");
                return key == null ? null : enabled.apply(key);
            }

            @Override
            public List<Change> changes(ApiRequest request, Map<String, String> params, ApiResponse response,
                    Object before) {
                Change saved = savedChange(objectType, request, params, response);
                JsonNode flag = response.body() == null ? null : response.body().get("enabled");
                if (saved.action().equals("changed") && before instanceof Boolean was && flag != null
                        && flag.isBoolean() && flag.booleanValue() != was) {
                    return List.of(new Change(was ? "disabled" : "enabled", objectType, saved.objectKey(),
                            saved.detail()));
                }
                return List.of(saved);
            }
        };
    }

    /** One entry of a fixed action on the object named by a path parameter (null: no key). */
    static Audit of(String action, String objectType, String param) {
        return (request, params, response, before) -> List.of(new Change(action, objectType,
                param == null ? null : params.get(param), null));
    }

    private static Change savedChange(String objectType, ApiRequest request, Map<String, String> params,
            ApiResponse response) {
        String action = request.method().equals("DELETE") ? "deleted" : response.status() == 201 ? "created" : "changed";
        JsonNode body = response.body();
        String key = params.get("key");
        if (key == null && body != null && body.hasNonNull("key")) {
            key = body.get("key").asText();
        }
        String detail = body != null && body.hasNonNull("version") ? "version " + body.get("version").asText() : null;
        return new Change(action, objectType, key, detail);
    }
}
