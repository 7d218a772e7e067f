package io.tidings.rest.resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.tidings.api.CommunicationQuery;
import io.tidings.api.ValidationException;
import io.tidings.rest.route.ApiRequest;

/** Query and path parameters shared by the resources. */
final class Queries {

    private Queries() {
    }

    static int limit(ApiRequest request, int defaultLimit) {
        return CommunicationQuery.limit(request.param("limit"), defaultLimit);
    }

    /** The {@code since} parameter: an ISO-8601 time with an offset; null when absent. */
    static java.time.Instant since(ApiRequest request) {
        String text = request.param("since");
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException("since", "must be an ISO-8601 time with an offset, was '" + text + "'");
        }
    }

    /** The path of a created resource; keys are URL-encoded so any key yields a valid Location. */
    static String location(String collection, String key) {
        return "/tidings/api/v1/" + collection + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
