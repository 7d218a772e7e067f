package io.tidings.rest.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class BasicAuthenticationTest {

    /** A realm of two users that counts how often it is asked. */
    private final List<String> logins = new ArrayList<>();
    private final Map<String, String> passwords = Map.of("karaf", "karaf", "viewer", "pässword:with:colons",
            "ingest", "ingest");
    private final Map<String, Set<String>> roles = Map.of("karaf", Set.of("admin", "manager"), "viewer", Set.of("viewer"),
            "ingest", Set.of("tidings-ingest"));
    private final Authenticator realm = (realmName, user, password) -> {
        logins.add(user);
        return new String(password).equals(passwords.get(user)) ? Optional.of(roles.get(user)) : Optional.empty();
    };
    private final AtomicLong nanos = new AtomicLong(42);
    private final BasicAuthentication basic = new BasicAuthentication(realm, "karaf", "admin", Duration.ofSeconds(60),
            nanos::get);

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void letsAnAdminIn() {
        BasicAuthentication.Outcome outcome = basic.authenticate(basic("karaf", "karaf"));
        assertTrue(outcome.allowed());
        assertEquals("karaf", outcome.user());
        assertTrue("the administrator role counts as tidings-admin", outcome.roles().contains("tidings-admin"));
    }

    @Test
    public void letsAFinerRoleInWithItsRoles() {
        BasicAuthentication.Outcome outcome = basic.authenticate(basic("ingest", "ingest"));
        assertTrue(outcome.allowed());
        assertEquals(Set.of("tidings-ingest"), outcome.roles());
    }

    @Test
    public void theConfiguredRoleIsTheAdministrator() {
        BasicAuthentication custom = new BasicAuthentication(realm, "karaf", "viewer", Duration.ZERO, nanos::get);
        assertTrue(custom.authenticate(basic("viewer", "pässword:with:colons")).roles().contains("tidings-admin"));
        assertFalse(custom.authenticate(basic("karaf", "karaf")).allowed());
    }

    @Test
    public void missingOrMalformedCredentialsAre401() {
        assertEquals(401, basic.authenticate(null).status());
        assertEquals(401, basic.authenticate("Bearer abc").status());
        assertEquals(401, basic.authenticate("Basic ***").status());
        assertEquals(401, basic.authenticate("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())).status());
        assertTrue(logins.isEmpty());
    }

    @Test
    public void wrongPasswordIs401AndNamesNoOne() {
        BasicAuthentication.Outcome outcome = basic.authenticate(basic("karaf", "guess"));
        assertEquals(401, outcome.status());
        assertNull(outcome.user());
        assertFalse(outcome.reason().contains("guess"));
    }

    @Test
    public void noTidingsRoleIs403() {
        BasicAuthentication.Outcome outcome = basic.authenticate(basic("viewer", "pässword:with:colons"));
        assertEquals(403, outcome.status());
        assertTrue(outcome.reason().contains("admin"));
        assertFalse(outcome.reason().contains("pässword"));
    }

    @Test
    public void remembersASuccessfulLoginForItsLifetime() {
        basic.authenticate(basic("karaf", "karaf"));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertTrue(basic.authenticate(basic("karaf", "karaf")).allowed());
        assertEquals(1, logins.size());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(basic.authenticate(basic("karaf", "karaf")).allowed());
        assertEquals(2, logins.size());
    }

    @Test
    public void neverRemembersAFailureOrConfusesPasswords() {
        basic.authenticate(basic("karaf", "karaf"));
        assertEquals(401, basic.authenticate(basic("karaf", "other")).status());
        assertEquals(401, basic.authenticate(basic("karaf", "other")).status());
        assertEquals(3, logins.size());
    }

    @Test
    public void zeroLifetimeLogsInEveryTime() {
        BasicAuthentication uncached = new BasicAuthentication(realm, "karaf", "admin", Duration.ZERO, nanos::get);
        uncached.authenticate(basic("karaf", "karaf"));
        uncached.authenticate(basic("karaf", "karaf"));
        assertEquals(2, logins.size());
    }
}
