package io.tidings.rest.route;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What the API answers: a status, extra headers and a JSON body (null for 204), or a text body when
 * the headers name its Content-Type ({@link #text}).
 */
public record ApiResponse(int status, Map<String, String> headers, JsonNode body) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, Map.of(), body);
    }

    public static ApiResponse of(int status, JsonNode body) {
        return new ApiResponse(status, Map.of(), body);
    }

    /** A text body of another media type (the metrics' text format), sent as it is. */
    public static ApiResponse text(String mediaType, String text) {
        return new ApiResponse(200, Map.of("Content-Type", mediaType), TextNode.valueOf(text));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    public static ApiResponse created(String location, JsonNode body) {
        return new ApiResponse(201, Map.of("Location", location), body);
    }

    public ApiResponse withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new ApiResponse(status, all, body);
    }
}
