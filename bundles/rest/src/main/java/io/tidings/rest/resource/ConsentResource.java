package io.tidings.rest.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;
import io.tidings.api.consent.OptOutService;
import io.tidings.api.link.LinkResponse;
import io.tidings.rest.json.ConsentJson;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;
import io.tidings.api.access.AuditEntry;
import io.tidings.rest.route.Audit;
import io.tidings.rest.route.Role;
import io.tidings.rest.route.Router;

/**
 * {@code /consent}: the choices a recipient made through Tidings (links, administrators), which
 * outrank the host's consent flags; {@code /link-responses}: the dynamic links recipients followed,
 * for the host platform to collect; {@code /contacts/erase}: a contact's request to be forgotten.
 */
final class ConsentResource {

    private final Services services;

    ConsentResource(Services services) {
        this.services = services;
    }

    void register(Router router) {
        router.add("GET", "/consent", Role.ADMIN, this::get)
                .add("POST", "/consent", Role.ADMIN, ConsentResource::consentChange, this::choose)
                .add("GET", "/link-responses", Role.ADMIN, this::responses)
                .add("POST", "/contacts/erase", Role.ADMIN, ConsentResource::erasure, this::erase);
    }

    /** The consent record of an address, under {@link AuditEntry#contactKey}: opted in or out of a purpose. */
    private static List<Audit.Change> consentChange(ApiRequest request, Map<String, String> params,
            ApiResponse response, Object before) {
        ConsentJson.Choice choice = ConsentJson.readChoice(JsonCodec.parse(request.contentType(), request.body()));
        return List.of(new Audit.Change(choice.optIn() ? "opted-in" : "opted-out", "consent",
                AuditEntry.contactKey(choice.address()), choice.purpose().name()));
    }

    /** The erased contact under {@link AuditEntry#contactKey} (the address itself is what was erased), with the counts. */
    private static List<Audit.Change> erasure(ApiRequest request, Map<String, String> params, ApiResponse response,
            Object before) {
        JsonNode erased = response.body();
        return List.of(new Audit.Change("erased", "contact", AuditEntry.contactKey(erased.get("address").asText()),
                erased.get("communications").asInt() + " communication(s), " + erased.get("events").asInt()
                        + " event(s), " + erased.get("linkResponses").asInt() + " link response(s), "
                        + erased.get("optIns").asInt() + " opt-in(s) removed; " + erased.get("optOutsKept").asInt()
                        + " opt-out(s) kept"));
    }

    /** The address travels in the body, not the URL, which proxies and access logs keep. */
    private ApiResponse erase(ApiRequest request, Map<String, String> params) {
        String address = ConsentJson.readErasure(JsonCodec.parse(request.contentType(), request.body()));
        return ApiResponse.ok(ConsentJson.erasure(services.notifications().erase(address)));
    }

    private ApiResponse get(ApiRequest request, Map<String, String> params) {
        String address = request.param("address");
        if (address == null || address.isBlank()) {
            throw new ValidationException("address", "is required (an email address or a phone number)");
        }
        return ApiResponse.ok(consent(address.trim()));
    }

    private ApiResponse choose(ApiRequest request, Map<String, String> params) {
        ConsentJson.Choice choice = ConsentJson.readChoice(JsonCodec.parse(request.contentType(), request.body()));
        if (choice.optIn()) {
            services.consent().optIn(choice.address(), choice.purpose());
        } else {
            services.consent().optOut(choice.address(), choice.purpose());
        }
        return ApiResponse.ok(consent(choice.address().trim()));
    }

    private ObjectNode consent(String address) {
        OptOutService consent = services.consent();
        ObjectNode node = JsonCodec.object();
        node.put("address", address);
        ObjectNode purposes = node.putObject("purposes");
        for (Purpose purpose : Purpose.values()) {
            purposes.put(purpose.name(), consent.isOptedOut(address, purpose) ? "OPTED_OUT"
                    : consent.isOptedIn(address, purpose) ? "OPTED_IN" : "NONE");
        }
        return node;
    }

    private ApiResponse responses(ApiRequest request, Map<String, String> params) {
        Instant since = Queries.since(request);
        ArrayNode array = JsonCodec.array();
        for (LinkResponse r : services.links().responses(request.param("entityType"), request.param("entityId"), since,
                Queries.limit(request, 100))) {
            ObjectNode node = array.addObject();
            node.put("id", r.id());
            node.put("action", r.action().tag());
            node.put("address", r.address());
            node.put("communication", r.communicationId());
            node.putObject("entity").put("type", r.entityType()).put("id", r.entityId());
            node.put("at", r.at().toString());
        }
        return ApiResponse.ok(array);
    }
}
