package io.tidings.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.tidings.api.ValidationException;
import io.tidings.api.access.ApiKey;
import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.IssuedApiKey;
import io.tidings.core.store.ApiKeyRepository;
import io.tidings.core.store.ApiKeyRepository.StoredApiKey;

/**
 * API keys. A token is {@code tid_<id>_<secret>}: the id finds the key without searching by
 * secret, the secret is 256 random bits, and the store keeps only the SHA-256 of the whole token,
 * compared in constant time. Every request reads the key from the store, so a revocation applies at
 * once on every node sharing it.
 */
@Component(service = ApiKeys.class)
public class CoreApiKeys implements ApiKeys {

    static final String PREFIX = "tid_";
    /** A key's use is written at most this often: a host posting events should not cost a write each. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference
    private ApiKeyRepository store;

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile io.tidings.api.access.Units units;

    /** Outside OSGi (tests): where a key's unit is checked. */
    public void units(io.tidings.api.access.Units units) {
        this.units = units;
    }

    private final Clock clock;

    public CoreApiKeys() {
        this.clock = Clock.systemUTC();
    }

    /** Outside OSGi (tests). */
    public CoreApiKeys(ApiKeyRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public IssuedApiKey issue(String name, List<String> roles, String unit) {
        String validName = validName(name);
        List<String> validRoles = validRoles(roles);
        if (unit != null) {
            io.tidings.api.access.Unit.checkKey(unit, "unit");
            io.tidings.api.access.Units tree = units;
            if (tree == null) {
                throw new ValidationException("unit", "units cannot be checked now: the store is not running");
            }
            if (tree.unit(unit).isEmpty()) {
                throw new ValidationException("unit", "no unit '" + unit + "'; create it first (POST /units)");
            }
        }
        for (ApiKey existing : store.activeKeys()) {
            if (existing.name().equals(validName)) {
                throw new ValidationException("name", "a key named '" + validName + "' exists (id " + existing.id()
                        + "); revoke it first or choose another name");
            }
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String id = UUID.randomUUID().toString();
        String token = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey(id, validName, validRoles, unit, clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        store.insertKey(key, hash(token));
        return new IssuedApiKey(key, token);
    }

    @Override
    public List<ApiKey> keys() {
        return store.activeKeys();
    }

    @Override
    public boolean revoke(String id) {
        return id != null && store.revokeKey(id, clock.instant());
    }

    @Override
    public Optional<ApiKey> authenticate(String token) {
        String id = idOf(token);
        if (id == null) {
            return Optional.empty();
        }
        Optional<StoredApiKey> stored = store.activeKey(id);
        if (stored.isEmpty() || !MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                stored.get().tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        ApiKey key = stored.get().key();
        Instant now = clock.instant();
        if (key.lastUsed() == null || Duration.between(key.lastUsed(), now).compareTo(USE_RESOLUTION) >= 0) {
            store.markUsed(id, now);
        }
        return Optional.of(key);
    }

    /** The id part of a well-formed token, else null. */
    static String idOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return null;
        }
        int end = token.indexOf('_', PREFIX.length());
        if (end < 0 || end == PREFIX.length() || end == token.length() - 1) {
            return null;
        }
        return token.substring(PREFIX.length(), end);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "is required, e.g. the host platform's name");
        }
        String trimmed = name.trim();
        if (trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "must be at most 200 characters, without control characters");
        }
        return trimmed;
    }

    private static List<String> validRoles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException("roles", "at least one of " + ROLES + " is required");
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (role == null || !ROLES.contains(role)) {
                throw new ValidationException("roles[" + i + "]", "'" + role + "' is not one of " + ROLES);
            }
            if (!valid.contains(role)) {
                valid.add(role);
            }
        }
        return valid;
    }
}
