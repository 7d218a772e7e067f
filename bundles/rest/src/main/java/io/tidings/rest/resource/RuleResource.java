package io.tidings.rest.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.BusinessEvent;
import io.tidings.api.ValidationException;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.RuleBulkOperation;
import io.tidings.api.rule.RuleService;
import io.tidings.rest.json.EventJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.json.RuleJson;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/** {@code /rules[/{key}]}, {@code POST /rules/explain} (a dry run), {@code POST /rules/bulk}. */
final class RuleResource {

    private final Services services;

    RuleResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        Audit saved = Audit.savedWithFlag("rule",
                key -> services.rules().rule(key).map(NotificationRule::enabled).orElse(null));
        router.add("GET", "/rules", Role.VIEWER, this::list)
                .add("POST", "/rules", Role.EDITOR, saved, this::create)
                .add("POST", "/rules/explain", Role.EDITOR, this::explain)
                .add("POST", "/rules/bulk", Role.EDITOR, RuleResource::bulkChanges, this::bulk)
                .add("GET", "/rules/{key}", Role.VIEWER, this::get)
                .add("PUT", "/rules/{key}", Role.EDITOR, saved, this::put)
                .add("DELETE", "/rules/{key}", Role.EDITOR, saved, this::delete);
    }

    /**
     * One entry per rule the bulk operation changed, created (copies) or deleted; the answer lists
     * the rules saved, so the deleted ones are those the request named.
     */
    private static List<Audit.Change> bulkChanges(ApiRequest request, Map<String, String> params, ApiResponse response,
            Object before) {
        String operation = response.body().get("action").asText();
        List<Audit.Change> changes = new java.util.ArrayList<>();
        if (RuleBulkOperation.DELETE.equals(operation)) {
            RuleJson.readBulk(JsonCodec.parse(request.contentType(), request.body())).rules()
                    .forEach(key -> changes.add(new Audit.Change("deleted", "rule", key, "bulk " + operation)));
            return changes;
        }
        String action = RuleBulkOperation.COPY_TO_LOCATIONS.equals(operation) ? "created" : "changed";
        response.body().get("rules").forEach(rule -> changes.add(new Audit.Change(action, "rule",
                rule.get("key").asText(), "bulk " + operation)));
        return changes;
    }

    private ApiResponse list(ApiRequest request, Map<String, String> params) {
        ArrayNode array = JsonCodec.array();
        io.tidings.api.access.UnitScope scope = services.scope(request);
        services.rules().rules().stream().filter(r -> scope.sees(r.unit())).forEach(r -> array.add(RuleJson.write(r)));
        return ApiResponse.ok(array);
    }

    private ApiResponse create(ApiRequest request, Map<String, String> params) {
        NotificationRule rule = RuleJson.read(JsonCodec.parse(request.contentType(), request.body()));
        if (rule.key() == null || rule.key().isBlank()) {
            throw new ValidationException("key", "is required");
        }
        RuleService store = services.rules();
        rule = rule.withUnit(services.assignUnit(request, rule.unit()));
        if (store.rule(rule.key()).isPresent()) {
            throw ApiException.conflict("rule '" + rule.key() + "' exists; PUT /rules/" + rule.key() + " changes it",
                    "key");
        }
        NotificationRule saved = store.save(rule);
        return ApiResponse.created(Queries.location("rules", saved.key()), RuleJson.write(saved));
    }

    /** A dry run of an event against every rule; stores nothing. */
    private ApiResponse explain(ApiRequest request, Map<String, String> params) {
        BusinessEvent event = EventJson.read(JsonCodec.parse(request.contentType(), request.body()));
        io.tidings.api.access.UnitScope scope = services.scope(request);
        // a limited caller's event is of its unit, as its posted events are; it sees the plans of its rules only
        event = event.withUnit(scope.unitFor(event.unit(), "unit"));
        java.util.Set<String> visible = new java.util.HashSet<>();
        services.rules().rules().stream().filter(r -> scope.sees(r.unit())).forEach(r -> visible.add(r.key()));
        return ApiResponse.ok(RuleJson.writePlans(services.explainer().explain(event).stream()
                .filter(p -> !scope.restricted() || visible.contains(p.ruleKey())).toList()));
    }

    private ApiResponse bulk(ApiRequest request, Map<String, String> params) {
        RuleBulkOperation operation = RuleJson.readBulk(JsonCodec.parse(request.contentType(), request.body()));
        for (String key : operation.rules()) {
            services.rules().rule(key).filter(r -> services.scope(request).sees(r.unit()))
                    .ifPresent(r -> services.checkChange(request, r.unit()));
        }
        List<NotificationRule> changed = services.bulkRules().apply(operation);
        ArrayNode array = JsonCodec.array();
        changed.forEach(r -> array.add(RuleJson.write(r)));
        ObjectNode answer = JsonCodec.object();
        answer.put("action", operation.action());
        answer.set("rules", array);
        return ApiResponse.ok(answer);
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        return ApiResponse.ok(RuleJson.write(existing(request, key)));
    }

    private ApiResponse put(ApiRequest request, Map<String, String> params) {
        String key = params.get("key");
        NotificationRule rule = RuleJson.read(JsonCodec.parse(request.contentType(), request.body()));
        if (rule.key() == null) {
            rule = rule.withKey(key);
        } else if (!rule.key().equals(key)) {
            throw new ValidationException("key", "'" + rule.key() + "' differs from the key in the path '" + key
                    + "'; a rule's key cannot be changed");
        }
        RuleService store = services.rules();
        java.util.Optional<NotificationRule> before = visible(request, store.rule(key));
        before.ifPresent(r -> services.checkChange(request, r.unit()));
        boolean existed = before.isPresent();
        rule = rule.withUnit(services.assignUnit(request, rule.unit()));
        NotificationRule saved = store.save(rule);
        return existed ? ApiResponse.ok(RuleJson.write(saved))
                : ApiResponse.created(Queries.location("rules", key), RuleJson.write(saved));
    }

    /** The rule if the caller may see it: another unit's answers 404 as an unknown one does. */
    private NotificationRule existing(ApiRequest request, String key) {
        return visible(request, services.rules().rule(key))
                .orElseThrow(() -> ApiException.notFound("no rule '" + key + "'"));
    }

    private java.util.Optional<NotificationRule> visible(ApiRequest request, java.util.Optional<NotificationRule> rule) {
        io.tidings.api.access.UnitScope scope = services.scope(request);
        return rule.filter(r -> scope.sees(r.unit()));
    }

    private ApiResponse delete(ApiRequest request, Map<String, String> params) {
        services.checkChange(request, existing(request, params.get("key")).unit());
        if (!services.rules().delete(params.get("key"))) {
            throw ApiException.notFound("no rule '" + params.get("key") + "'");
        }
        return ApiResponse.noContent();
    }
}
