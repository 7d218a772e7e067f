package io.tidings.rest.route;

import java.util.Map;

/**
 * A request that cannot be answered as asked, with the HTTP status that says why. Bad field
 * values use {@link io.tidings.api.ValidationException} instead (always 400).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final transient Map<String, String> headers;

    public ApiException(int status, String message) {
        this(status, message, null, Map.of());
    }

    public ApiException(int status, String message, String field, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message, String field) {
        return new ApiException(409, message, field, Map.of());
    }

    /** Seconds a client waits before it asks again while a part of the engine is (re)starting. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * 503 with {@code Retry-After}: the part of the engine that answers is starting or restarting, so a
     * host retries rather than dropping what it wanted to send.
     */
    public static ApiException unavailable(String message) {
        return new ApiException(503, message, null, Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
