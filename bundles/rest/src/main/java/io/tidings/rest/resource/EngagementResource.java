package io.tidings.rest.resource;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.link.Engagement;
import io.tidings.api.link.EngagementSummary;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiException;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * Tracked opens and clicks: {@code /communications/{id}/engagement} for one email,
 * {@code /engagement?rule=&since=} over the emails sent (the dashboard's numbers).
 */
final class EngagementResource {

    private final Services services;

    EngagementResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/communications/{id}/engagement", Role.VIEWER, this::one)
                .add("GET", "/engagement", Role.VIEWER, this::summary);
    }

    private ApiResponse one(ApiRequest request, Map<String, String> params) {
        String id = params.get("id");
        if (services.notifications().communication(id).isEmpty()) {
            throw ApiException.notFound("no communication '" + id + "'");
        }
        Engagement e = services.links().engagement(id);
        ObjectNode json = JsonCodec.object();
        json.put("communication", id);
        json.put("firstOpenedAt", e.firstOpenedAt() == null ? null : e.firstOpenedAt().toString());
        json.put("opens", e.opens());
        json.put("firstClickedAt", e.firstClickedAt() == null ? null : e.firstClickedAt().toString());
        json.put("clicks", e.clicks());
        return ApiResponse.ok(json);
    }

    private ApiResponse summary(ApiRequest request, Map<String, String> params) {
        Instant since = Queries.since(request);
        EngagementSummary s = services.links().engagement(request.param("rule"), since);
        ObjectNode json = JsonCodec.object();
        json.put("rule", s.ruleKey());
        json.put("sent", s.sent());
        json.put("opened", s.opened());
        json.put("clicked", s.clicked());
        json.put("openRate", s.sent() == 0 ? 0.0 : Math.round(1000.0 * s.opened() / s.sent()) / 1000.0);
        json.put("clickRate", s.sent() == 0 ? 0.0 : Math.round(1000.0 * s.clicked() / s.sent()) / 1000.0);
        return ApiResponse.ok(json);
    }
}
