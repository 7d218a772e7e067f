package io.tidings.rest.resource;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.run.NotificationRun;
import io.tidings.api.run.RunService;
import io.tidings.api.run.RunStateException;
import io.tidings.rest.json.CommunicationJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.RunJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * Notification runs: {@code POST /runs} opens one that several batches add to, {@code GET /runs}
 * lists them newest first, {@code GET /runs/{key}} reports one, {@code POST /runs/{key}/close} stops
 * it taking events, {@code POST /runs/{key}/cancel} cancels what of it is not yet sent, and
 * {@code GET /runs/{key}/export} gives its communications as CSV.
 */
final class RunResource {

    static final int DEFAULT_LIMIT = 50;
    /** The most rows one export writes. */
    static final int EXPORT_LIMIT = CommunicationQuery.MAX_LIMIT;

    private final Services services;

    RunResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("POST", "/runs", Role.INGEST, this::open)
                .add("GET", "/runs", Role.VIEWER, this::list)
                .add("GET", "/runs/{key}", Role.VIEWER, this::report)
                .add("GET", "/runs/{key}/export", Role.VIEWER, this::export)
                .add("POST", "/runs/{key}/close", Role.INGEST, this::close)
                .add("POST", "/runs/{key}/cancel", Role.ADMIN, (request, params, response, before) -> List.of(
                        new Audit.Change("cancelled", "run", params.get("key"),
                                response.body().get("cancelled").asInt() + " communication(s) cancelled")),
                        this::cancel);
    }

    /** A run's state refuses the request: 409 naming it. */
    static <T> T inState(Supplier<T> call) {
        try {
            return call.get();
        } catch (RunStateException e) {
            throw ApiException.conflict(e.getMessage(), "run");
        }
    }

    private ApiResponse open(ApiRequest request, Map<String, String> params) {
        RunJson.Opening opening = RunJson.readOpening(JsonCodec.parse(request.contentType(), request.body()));
        RunService runs = services.runs();
        boolean existed = runs.run(opening.key()).isPresent();
        NotificationRun run = inState(() -> runs.open(opening.key(), opening.name(), opening.purpose(),
                opening.sendAt(), request.user()));
        return existed ? ApiResponse.ok(RunJson.write(run))
                : ApiResponse.created("/tidings/api/v1/runs/" + run.key(), RunJson.write(run));
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        services.runs().runs(Queries.limit(request, DEFAULT_LIMIT)).forEach(run -> array.add(RunJson.write(run)));
        return ApiResponse.ok(array);
    }

    private ApiResponse report(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        return ApiResponse.ok(RunJson.write(services.runs().report(key)
                .orElseThrow(() -> ApiException.notFound("no run '" + key + "'"))));
    }

    private ApiResponse close(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        return ApiResponse.ok(RunJson.write(inState(() -> services.runs().close(key))));
    }

    /** 200 {@code {"key","cancelled":n}}: SCHEDULED and QUEUED communications of the run are CANCELLED. */
    private ApiResponse cancel(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        int cancelled = inState(() -> services.runs().cancel(key, request.user()));
        var json = JsonCodec.object();
        json.put("key", key);
        json.put("cancelled", cancelled);
        return ApiResponse.ok(json);
    }

    /**
     * The run's communications (up to {@value #EXPORT_LIMIT}, newest first) as CSV for a spreadsheet:
     * no addresses or bodies, which are personal data, so a viewer may export it.
     */
    private ApiResponse export(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        services.runs().run(key).orElseThrow(() -> ApiException.notFound("no run '" + key + "'"));
        List<Communication> communications = services.notifications().communications(
                new CommunicationQuery(null, null, null, null, EXPORT_LIMIT, key));
        return ApiResponse.text("text/csv; charset=utf-8", io.tidings.api.run.RunCsv.of(communications))
                .withHeaders(Map.of("Content-Disposition", "attachment; filename=\"" + io.tidings.api.run.RunCsv.fileName(key) + "\""));
    }
}
