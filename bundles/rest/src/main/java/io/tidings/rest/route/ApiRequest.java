package io.tidings.rest.route;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One authenticated HTTP request as the API sees it, free of the servlet container so routing and
 * mapping can be tested on their own.
 *
 * @param path        the path below {@code /tidings/api/v1}, e.g. {@code /templates/order_ready}
 * @param query       decoded query parameters
 * @param contentType the Content-Type header, null when absent
 * @param body        the raw body, empty when none was sent
 * @param user        the authenticated user (for audit reasons in the record, never logged with data)
 * @param roles       the user's role names, with the configured administrator role already read as
 *                    {@code tidings-admin}
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, String contentType,
        byte[] body, String user, Set<String> roles) {

    public ApiRequest {
        path = path == null || path.isEmpty() ? "/" : path;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** Whether the caller may read message bodies and subjects, which are personal data. */
    public boolean mayReadContent() {
        return Role.VIEWER_CONTENT.grantedTo(roles);
    }

    /** The first value of a query parameter; null when absent or blank. */
    public String param(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(0).trim();
        return value.isEmpty() ? null : value;
    }

    public boolean hasBody() {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses a raw query string ourselves: asking the servlet container for parameters would
     * consume a form-encoded body.
     */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "the query string is not valid URL encoding");
        }
    }
}
