package io.tidings.rest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.tidings.rest.route.Role;

/**
 * HTTP Basic authentication against a JAAS realm. A caller needs at least one Tidings role (what
 * each route needs is the router's business); the configured administrator role, Karaf's
 * {@code admin} by default, counts as {@code tidings-admin} so existing installations keep working.
 * A JAAS login per request is slow, so successful logins are remembered for a short time under a hash of realm, user and
 * password (the password itself is never kept). Failed logins are never remembered.
 */
public final class BasicAuthentication {

    /**
     * The outcome: {@code status} 0 when the caller may proceed, else 401, 403, 429 (with the
     * seconds to wait) or 503 with a reason. {@code user} is who the caller is for the audit trail:
     * a user name, or {@code key:<name>} for an API key.
     */
    public record Outcome(int status, String user, String reason, Set<String> roles, long retryAfterSeconds) {
        public Outcome(int status, String user, String reason, Set<String> roles) {
            this(status, user, reason, roles, 0);
        }

        Outcome(int status, String user, String reason) {
            this(status, user, reason, Set.of());
        }

        public boolean allowed() {
            return status == 0;
        }
    }

    /** Bounds memory if many distinct credentials arrive; expired entries go first. */
    private static final int MAX_CACHED = 1_000;

    private record CachedLogin(Set<String> roles, long expiresAt) {
    }

    private final Authenticator authenticator;
    private final String realm;
    private final String role;
    private final long cacheNanos;
    private final LongSupplier clock;
    private final Map<String, CachedLogin> cache = new ConcurrentHashMap<>();

    public BasicAuthentication(Authenticator authenticator, String realm, String role, Duration cacheFor) {
        this(authenticator, realm, role, cacheFor, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    public BasicAuthentication(Authenticator authenticator, String realm, String role, Duration cacheFor,
            LongSupplier clock) {
        this.authenticator = authenticator;
        this.realm = realm;
        this.role = role;
        this.cacheNanos = cacheFor.toNanos();
        this.clock = clock;
    }

    /** The user name of Basic credentials, null when the header holds none. */
    public static String userOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @param authorization the Authorization header, null when absent */
    public Outcome authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Outcome(401, null, "authentication required (HTTP Basic)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Outcome(401, null, "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return new Outcome(401, null, "malformed Basic credentials");
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        try {
            Set<String> roles = roles(user, password);
            if (roles == null) {
                return new Outcome(401, null, "invalid user name or password");
            }
            Set<String> granted = roles;
            if (roles.contains(role)) {
                granted = new HashSet<>(roles);
                granted.add(Role.ADMIN.karafName());
            }
            if (!Role.anyOf(granted)) {
                return new Outcome(403, user, "user " + user + " has no Tidings role; this needs tidings-ingest,"
                        + " tidings-viewer, tidings-editor or tidings-admin (or '" + role + "')", Set.of());
            }
            return new Outcome(0, user, null, Set.copyOf(granted));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Set<String> roles(String user, char[] password) {
        long now = clock.getAsLong();
        String key = cacheNanos > 0 ? key(user, password) : null;
        if (key != null) {
            CachedLogin cached = cache.get(key);
            if (cached != null && cached.expiresAt - now > 0) {
                return cached.roles;
            }
        }
        Optional<Set<String>> roles = authenticator.login(realm, user, password);
        if (roles.isEmpty()) {
            if (key != null) {
                cache.remove(key);
            }
            return null;
        }
        if (key != null) {
            if (cache.size() >= MAX_CACHED) {
                cache.values().removeIf(c -> c.expiresAt - now <= 0);
                if (cache.size() >= MAX_CACHED) {
                    cache.clear();
                }
            }
            cache.put(key, new CachedLogin(Set.copyOf(roles.get()), now + cacheNanos));
        }
        return roles.get();
    }

    private String key(String user, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(realm.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
