package io.tidings.rest.resource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.ValidationException;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.CommunicationLog;
import io.tidings.api.log.FeedQuery;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.LogJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * The communication log: {@code POST /communications} and {@code PUT /communications/{id}} for
 * communications Tidings does not send, their follow-ups, {@code GET /follow-ups}, {@code GET /feed}
 * and the categories under {@code /communication-categories}. Editors and host keys log; viewers
 * read (subjects, notes and texts only with tidings-viewer-content); administrators keep the categories.
 */
final class CommunicationLogResource {

    private static final int DEFAULT_FEED = 50;

    private final Services services;

    CommunicationLogResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("POST", "/communications", Role.EDITOR_OR_INGEST, (request, params, response, before) ->
                response.status() == 201 ? List.of(new Audit.Change("logged", "communication",
                        response.body().path("id").asText(null), response.body().path("medium").asText(null)))
                        : List.of(), this::record)
                .add("PUT", "/communications/{id}", Role.EDITOR_OR_INGEST, (request, params, response, before) ->
                        List.of(new Audit.Change("changed", "communication", params.get("id"),
                                response.body().path("state").asText(null))), this::update)
                .add("POST", "/communications/{id}/follow-up", Role.EDITOR_OR_INGEST,
                        Audit.of("follow-up set", "communication", "id"), this::followUp)
                .add("POST", "/communications/{id}/follow-up/complete", Role.EDITOR_OR_INGEST,
                        Audit.of("follow-up completed", "communication", "id"), this::completeFollowUp)
                .add("GET", "/follow-ups", Role.VIEWER, this::followUps)
                .add("GET", "/feed", Role.VIEWER, this::feed)
                .add("GET", "/communication-categories", Role.VIEWER, this::categories)
                .add("POST", "/communication-categories", Role.ADMIN, (request, params, response, before) -> List.of(
                        new Audit.Change("saved", "communication category", response.body().path("key").asText(null),
                                response.body().path("name").asText(null))), this::saveCategory)
                .add("DELETE", "/communication-categories/{key}", Role.ADMIN,
                        Audit.of("deleted", "communication category", "key"), this::removeCategory);
    }

    /**
     * The log belongs to no organisational unit (it is head office's, as objects without a unit are):
     * a caller limited to units neither reads nor writes it, as it sees no communication of no unit.
     */
    private void headOfficeOnly(ApiRequest request) {
        if (services.scope(request).restricted()) {
            throw new ApiException(403, "the communication log belongs to no unit: a caller limited to units "
                    + "(tidings-unit-* roles or a unit-scoped API key) cannot read or write it");
        }
    }

    private ObjectNode json(CommunicationLog log, LoggedCommunication c, ApiRequest request) {
        return LogJson.write(c, log.followUpOf(c.id()).orElse(null), request.mayReadContent());
    }

    /** 201 when recorded now, 200 with the first when the id was recorded before (idempotent). */
    private ApiResponse record(ApiRequest request, Map<String, String> params) {
        headOfficeOnly(request);
        CommunicationLog log = services.communicationLog();
        LogJson.Posted posted = LogJson.read(JsonCodec.parse(request.contentType(), request.body()), null,
                request.user());
        if (posted.send()) {
            throw new ValidationException("send", "only a DRAFT is sent, when it is completed with PUT");
        }
        if (posted.followUp() != null) {
            // checked before anything is recorded, so a bad follow-up leaves nothing half-applied
            validateFollowUp(posted.followUp());
        }
        CommunicationLog.Recorded recorded = log.record(posted.communication());
        if (recorded.created() && posted.followUp() != null) {
            log.followUp(recorded.communication().id(), posted.followUp().dueAt(), posted.followUp().owner(),
                    posted.followUp().note());
        }
        ObjectNode body = json(log, recorded.communication(), request);
        body.put("duplicate", !recorded.created());
        return recorded.created()
                ? ApiResponse.created(Queries.location("communications", recorded.communication().id()), body)
                : ApiResponse.ok(body);
    }

    private static void validateFollowUp(LogJson.FollowUpRequest f) {
        if (f.owner() != null && (f.owner().isBlank() || f.owner().length() > 200)) {
            throw new ValidationException("followUp.owner", "must be a user name of at most 200 characters");
        }
        if (f.note() != null && f.note().length() > 4000) {
            throw new ValidationException("followUp.note", "is longer than 4000 characters");
        }
    }

    private ApiResponse update(ApiRequest request, Map<String, String> params) {
        headOfficeOnly(request);
        CommunicationLog log = services.communicationLog();
        String id = params.get("id");
        LogJson.Posted posted = LogJson.read(JsonCodec.parse(request.contentType(), request.body()), id,
                request.user());
        if (posted.followUp() != null) {
            validateFollowUp(posted.followUp());
        }
        LoggedCommunication updated = log.update(id, posted.communication(), posted.send())
                .orElseThrow(() -> ApiException.notFound("no logged communication '" + id + "'"));
        if (posted.followUp() != null) {
            log.followUp(id, posted.followUp().dueAt(), posted.followUp().owner(), posted.followUp().note());
        }
        return ApiResponse.ok(json(log, updated, request));
    }

    private ApiResponse followUp(ApiRequest request, Map<String, String> params) {
        headOfficeOnly(request);
        LogJson.FollowUpRequest f = LogJson.readFollowUp(JsonCodec.parse(request.contentType(), request.body()));
        validateFollowUp(f);
        String id = params.get("id");
        CommunicationLog log = services.communicationLog();
        if (log.find(id).isEmpty() && services.notifications().communication(id).isEmpty()) {
            throw ApiException.notFound("no communication '" + id + "'");
        }
        return ApiResponse.ok(LogJson.write(log.followUp(id, f.dueAt(), f.owner(), f.note()), request.mayReadContent()));
    }

    /** The body is the communication that completes it (the call back), as for POST /communications. */
    private ApiResponse completeFollowUp(ApiRequest request, Map<String, String> params) {
        headOfficeOnly(request);
        CommunicationLog log = services.communicationLog();
        String id = params.get("id");
        LogJson.Posted outcome = LogJson.read(JsonCodec.parse(request.contentType(), request.body()), null,
                request.user());
        if (outcome.followUp() != null) {
            // the outcome's own follow-up is set afterwards with POST /communications/{id}/follow-up
            throw new ValidationException("followUp", "set the next follow-up on the outcome once it is recorded");
        }
        Optional<FollowUp> existing = log.followUpOf(id);
        if (existing.isEmpty()) {
            throw ApiException.notFound("communication '" + id + "' has no follow-up");
        }
        if (!existing.get().open()) {
            throw new ApiException(409, "the follow-up of '" + id + "' was completed at "
                    + existing.get().completedAt() + " as '" + existing.get().completedAs() + "'");
        }
        FollowUp closed = log.completeFollowUp(id, outcome.communication())
                .orElseThrow(() -> new ApiException(409, "the follow-up of '" + id + "' was completed meanwhile"));
        ObjectNode body = LogJson.write(closed, request.mayReadContent());
        log.find(closed.completedAs()).ifPresent(c -> body.set("completion", json(log, c, request)));
        return ApiResponse.ok(body);
    }

    /** {@code ?owner=&due_before=&limit=}: open follow-ups, soonest due first. */
    private ApiResponse followUps(ApiRequest request, Map<String, String> params) {
        headOfficeOnly(request);
        String owner = request.param("owner");
        Instant dueBefore = time(request, "due_before");
        ArrayNode array = JsonCodec.array();
        for (FollowUp f : services.communicationLog().followUps(owner == null || owner.isBlank() ? null : owner,
                dueBefore, Queries.limit(request, 100))) {
            array.add(LogJson.write(f, request.mayReadContent()));
        }
        return ApiResponse.ok(array);
    }

    private static Instant time(ApiRequest request, String name) {
        String text = request.param(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be an ISO-8601 time with an offset, was '" + text + "'");
        }
    }

    /** {@code ?contactId=} or {@code ?entityType=&entityId=}, {@code &offset=&limit=}: newest first. */
    private ApiResponse feed(ApiRequest request, Map<String, String> params) {
        headOfficeOnly(request);
        FeedQuery query = new FeedQuery(request.param("contactId"), request.param("entityType"),
                request.param("entityId"), number(request, "offset", 0), number(request, "limit", DEFAULT_FEED));
        ObjectNode body = JsonCodec.object();
        body.put("offset", query.offset());
        body.put("limit", query.limit());
        ArrayNode items = body.putArray("items");
        List<io.tidings.api.log.FeedItem> page = services.communicationLog().feed(query);
        page.forEach(item -> items.add(LogJson.write(item, request.mayReadContent())));
        // a full page may have more after it
        body.put("next", page.size() == query.limit() ? Integer.valueOf(query.offset() + query.limit()) : null);
        return ApiResponse.ok(body);
    }

    private static int number(ApiRequest request, String name, int otherwise) {
        String text = request.param(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number, was '" + text + "'");
        }
    }

    private ApiResponse categories(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        services.communicationLog().categories().forEach(c -> array.add(LogJson.write(c)));
        return ApiResponse.ok(array);
    }

    private ApiResponse saveCategory(ApiRequest request, Map<String, String> params) {
        CommunicationCategory saved = services.communicationLog()
                .saveCategory(LogJson.readCategory(JsonCodec.parse(request.contentType(), request.body())));
        return ApiResponse.created(Queries.location("communication-categories", saved.key()), LogJson.write(saved));
    }

    private ApiResponse removeCategory(ApiRequest request, Map<String, String> params) {
        if (!services.communicationLog().removeCategory(params.get("key"))) {
            throw ApiException.notFound("no communication category '" + params.get("key") + "'");
        }
        return ApiResponse.noContent();
    }
}
