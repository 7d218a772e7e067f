package io.tidings.rest.auth;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.tidings.api.access.ApiKey;
import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.LoginThrottle;
import io.tidings.rest.auth.BasicAuthentication.Outcome;

/**
 * Who is calling: a user of the JAAS realm with HTTP Basic, or a host with an API key as
 * {@code Authorization: Bearer <token>}. Failed attempts of either kind are throttled per user name
 * and per remote address; a throttled caller gets 429 before its credentials are looked at.
 */
public final class RequestAuthentication {

    /** The actor of an API key in the audit trail; keeps keys apart from users of the same name. */
    public static final String KEY_ACTOR_PREFIX = "key:";

    private final BasicAuthentication basic;
    private final Supplier<ApiKeys> keys;
    private final LoginThrottle throttle;

    /** @param keys the API key service, or null while it is not available */
    public RequestAuthentication(BasicAuthentication basic, Supplier<ApiKeys> keys, LoginThrottle throttle) {
        this.basic = basic;
        this.keys = keys;
        this.throttle = throttle;
    }

    /**
     * @param authorization the Authorization header, null when absent
     * @param address       the caller's remote address
     */
    public Outcome authenticate(String authorization, String address) {
        if (authorization == null || authorization.isBlank()) {
            return new Outcome(401, null, "authentication required (HTTP Basic, or an API key as a Bearer token)");
        }
        boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String user = bearer ? null : BasicAuthentication.userOf(authorization);
        long wait = throttle.blockedFor(user, address);
        if (wait > 0) {
            return new Outcome(429, null, "too many failed logins " + (user != null ? "of this user or " : "")
                    + "from this address; try again in " + wait + " s", Set.of(), wait);
        }
        Outcome outcome = bearer ? bearer(authorization.substring(7).trim()) : basic.authenticate(authorization);
        if (outcome.status() == 401) {
            throttle.failed(user, address);
        } else if (outcome.status() != 503) {
            throttle.succeeded(user);
        }
        return outcome;
    }

    private Outcome bearer(String token) {
        ApiKeys service = keys.get();
        if (service == null) {
            return new Outcome(503, null, "API keys cannot be checked now: the store is not running", Set.of(), 5);
        }
        Optional<ApiKey> key;
        try {
            key = service.authenticate(token);
        } catch (RuntimeException e) {
            return new Outcome(503, null, "API keys cannot be checked now: the store did not answer", Set.of(), 5);
        }
        if (key.isEmpty()) {
            return new Outcome(401, null, "unknown or revoked API key");
        }
        Set<String> roles = new HashSet<>(key.get().roles());
        if (key.get().unit() != null) {
            // a unit-scoped key is limited as a user with the role tidings-unit-<key> is
            roles.add(io.tidings.api.access.Unit.ROLE_PREFIX + key.get().unit());
        }
        return new Outcome(0, KEY_ACTOR_PREFIX + key.get().name(), null, Set.copyOf(roles));
    }
}
