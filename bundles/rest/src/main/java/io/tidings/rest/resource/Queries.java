package io.tidings.rest.resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.tidings.api.ValidationException;
import io.tidings.rest.route.ApiRequest;

/** Query and path parameters shared by the resources. */
final class Queries {

    static final int MAX_LIMIT = 1000;

    private Queries() {
    }

    static int limit(ApiRequest request, int defaultLimit) {
        String text = request.param("limit");
        if (text == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was '" + text + "'");
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
