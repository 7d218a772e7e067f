package io.tidings.rest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * The token a Prometheus server scrapes the metrics with ({@code Authorization: Bearer <token>}),
 * instead of a login: it opens the metrics and nothing else. Compared in constant time (digests of
 * equal length, {@link MessageDigest#isEqual}); none configured opens nothing.
 */
public final class ScrapeToken {

    /** The shortest token taken: shorter ones are guessable, and are ignored. */
    public static final int MIN_LENGTH = 24;
    /** The paths the token opens, below {@code /tidings/api/v1}. */
    public static final Set<String> PATHS = Set.of("/metrics", "/metrics/prometheus");

    private static final String BEARER = "Bearer ";

    private final byte[] digest;

    /** @param token the configured token; null, blank or shorter than {@link #MIN_LENGTH} opens nothing */
    public ScrapeToken(String token) {
        this.digest = token == null || token.strip().length() < MIN_LENGTH ? null : sha256(token.strip());
    }

    public boolean configured() {
        return digest != null;
    }

    /** Whether the request may read the metrics with this token. */
    public boolean opens(String method, String path, String authorization) {
        if (digest == null || !"GET".equals(method) || path == null || !PATHS.contains(path) || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
