package io.tidings.rest.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import io.tidings.api.access.ApiKeys;
import io.tidings.api.access.LoginThrottle;
import io.tidings.rest.auth.BasicAuthentication.Outcome;
import io.tidings.rest.fixture.InMemoryApiKeys;

public class RequestAuthenticationTest {

    private final Map<String, String> passwords = Map.of("karaf", "karaf", "ingest", "ingest");
    private final Authenticator realm = (name, user, password) -> new String(password).equals(passwords.get(user))
            ? Optional.of(user.equals("karaf") ? Set.of("admin") : Set.of("tidings-ingest"))
            : Optional.empty();
    private final AtomicLong nanos = new AtomicLong(7);
    private final InMemoryApiKeys keys = new InMemoryApiKeys();
    private final AtomicReference<ApiKeys> bound = new AtomicReference<>(keys);
    private final RequestAuthentication authentication = new RequestAuthentication(
            new BasicAuthentication(realm, "karaf", "admin", Duration.ZERO, nanos::get), bound::get,
            new LoginThrottle(3, 10, Duration.ofSeconds(300), nanos::get));

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void aUnitScopedKeyIsLimitedAsAUserWithTheUnitsRole() {
        String token = keys.issue("shop", List.of("tidings-ingest"), "shop-1").token();

        Outcome outcome = authentication.authenticate("Bearer " + token, "10.0.0.1");

        assertEquals(Set.of("tidings-ingest", "tidings-unit-shop-1"), outcome.roles());
    }

    @Test
    public void anApiKeyAuthenticatesWithItsRolesAndNameAsTheActor() {
        String token = keys.issue("crm", List.of("tidings-ingest"), null).token();

        Outcome outcome = authentication.authenticate("Bearer " + token, "10.0.0.1");

        assertTrue(outcome.allowed());
        assertEquals("key:crm", outcome.user());
        assertEquals(Set.of("tidings-ingest"), outcome.roles());
    }

    @Test
    public void anUnknownOrRevokedKeyIs401() {
        var issued = keys.issue("crm", List.of("tidings-ingest"), null);
        keys.revoke(issued.key().id());

        assertEquals(401, authentication.authenticate("Bearer " + issued.token(), "10.0.0.1").status());
        assertEquals(401, authentication.authenticate("Bearer nonsense", "10.0.0.1").status());
        assertEquals(401, authentication.authenticate(null, "10.0.0.1").status());
    }

    @Test
    public void withoutTheKeyServiceABearerTokenIs503NotAFailedLogin() {
        bound.set(null);
        for (int i = 0; i < 20; i++) {
            assertEquals(503, authentication.authenticate("Bearer token-1", "10.0.0.1").status());
        }
    }

    @Test
    public void failedPasswordsOfAUserAre429UntilTheWindowEndsEvenWithTheRightOne() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, authentication.authenticate(basic("karaf", "guess-" + i), "10.0.0." + i).status());
        }

        Outcome throttled = authentication.authenticate(basic("karaf", "karaf"), "10.0.0.9");
        assertEquals(429, throttled.status());
        assertEquals(300, throttled.retryAfterSeconds());
        assertTrue(throttled.reason(), throttled.reason().contains("too many failed logins"));
        assertTrue("another user is not throttled", authentication.authenticate(basic("ingest", "ingest"),
                "10.0.0.1").allowed());

        nanos.addAndGet(Duration.ofSeconds(300).toNanos());
        assertTrue(authentication.authenticate(basic("karaf", "karaf"), "10.0.0.9").allowed());
    }

    @Test
    public void failedKeysAndPasswordsFromOneAddressAre429ForEveryone() {
        for (int i = 0; i < 5; i++) {
            authentication.authenticate("Bearer wrong-" + i, "10.0.0.1");
            authentication.authenticate(basic("user-" + i, "x"), "10.0.0.1");
        }

        Outcome throttled = authentication.authenticate(basic("karaf", "karaf"), "10.0.0.1");
        assertEquals(429, throttled.status());
        assertEquals(429, authentication.authenticate("Bearer " + keys.issue("crm", List.of("tidings-ingest"), null)
                .token(), "10.0.0.1").status());
        assertTrue(authentication.authenticate(basic("karaf", "karaf"), "10.0.0.2").allowed());
    }
}
