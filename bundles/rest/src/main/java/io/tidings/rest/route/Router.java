package io.tidings.rest.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Maps a method and a path such as {@code /templates/{key}/versions/{n}} to a handler. An unknown
 * path is a 404, a known path with another method a 405 that lists the allowed ones, and a caller
 * without the route's {@link Role} a 403 naming it.
 */
public final class Router {

    /** Answers one route; {@code params} holds the values of the path's {@code {name}} segments. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request, Map<String, String> params);
    }

    private record Guarded(Role role, Audit audit, Handler handler) {
    }

    private record Route(String[] segments, Map<String, Guarded> byMethod) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Audit.Log audit;

    /** A router whose routes leave no audit entries (tests of routing alone). */
    public Router() {
        this(Audit.Log.NONE);
    }

    /** @param audit where the changes of routes declared with an {@link Audit} are recorded */
    public Router(Audit.Log audit) {
        this.audit = audit;
    }

    /** @param role what the caller needs for this method on this path: the table of who may do what */
    public Router add(String method, String pattern, Role role, Handler handler) {
        return add(method, pattern, role, null, handler);
    }

    /**
     * A route that changes something: after a 2xx answer the router records what {@code changes}
     * says, with the caller as the actor; while the audit trail cannot be written the route answers 503
     * and changes nothing.
     */
    public Router add(String method, String pattern, Role role, Audit changes, Handler handler) {
        Objects.requireNonNull(role, () -> method + " " + pattern + " names no role");
        String[] segments = split(pattern);
        Route route = routes.stream().filter(r -> String.join("/", r.segments).equals(String.join("/", segments)))
                .findFirst().orElseGet(() -> {
                    Route r = new Route(segments, new LinkedHashMap<>());
                    routes.add(r);
                    return r;
                });
        route.byMethod.put(method, new Guarded(role, changes, handler));
        return this;
    }

    public ApiResponse dispatch(ApiRequest request) {
        String[] actual = split(request.path());
        for (Route route : routes) {
            Map<String, String> params = match(route.segments, actual);
            if (params == null) {
                continue;
            }
            Guarded guarded = route.byMethod.get(request.method());
            if (guarded == null) {
                String allow = String.join(", ", new TreeSet<>(route.byMethod.keySet()));
                throw new ApiException(405, request.method() + " is not allowed on " + request.path()
                        + "; allowed: " + allow, null, Map.of("Allow", allow));
            }
            if (!guarded.role.grantedTo(request.roles())) {
                throw new ApiException(403, guarded.role.refusal());
            }
            if (guarded.audit == null) {
                return guarded.handler.handle(request, params);
            }
            audit.check();
            Object before = guarded.audit.before(request, params);
            ApiResponse response = guarded.handler.handle(request, params);
            if (response.status() >= 200 && response.status() < 300) {
                for (Audit.Change change : guarded.audit.changes(request, params, response, before)) {
                    audit.record(request.user(), change);
                }
            }
            return response;
        }
        throw ApiException.notFound("no resource at " + request.path());
    }

    /** The role each method on each path needs, as {@code "GET /templates/{key}"}, in registration order. */
    public Map<String, Role> roles() {
        Map<String, Role> table = new LinkedHashMap<>();
        for (Route route : routes) {
            route.byMethod.forEach((method, guarded) -> table.put(method + " /" + String.join("/", route.segments),
                    guarded.role));
        }
        return table;
    }

    private static Map<String, String> match(String[] pattern, String[] actual) {
        if (pattern.length != actual.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), actual[i]);
            } else if (!p.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
