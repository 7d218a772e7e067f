package io.tidings.webconsole.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.junit.Test;

import io.tidings.api.access.LoginThrottle;
import io.tidings.webconsole.session.Access;

/** The console's login through a real JAAS login whose realm knows a few users, as Karaf's properties realm does. */
public class ConsoleLoginTest {

    /** Named as Karaf's role principal, which the login recognises by its simple class name. */
    public record RolePrincipal(String getName) implements Principal {
    }

    /** Users as in etc/users.properties: the password is the name; their roles. */
    static final Map<String, List<String>> USERS = Map.of("karaf", List.of("admin", "manager"),
            "оксана", List.of("tidings-viewer"), "editor", List.of("tidings-editor"),
            "host", List.of("tidings-ingest"));

    public static final class UsersLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!USERS.containsKey(name.getName()) || !name.getName().equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong credentials");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            USERS.get(user).forEach(role -> subject.getPrincipals().add(new RolePrincipal(role)));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }

    private static final Configuration REALM = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return "karaf".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                    UsersLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, Map.of())} : null;
        }
    };

    private final AtomicLong nanos = new AtomicLong();
    private final ConsoleLogin login = new ConsoleLogin("karaf", "admin",
            new LoginThrottle(3, 10, Duration.ofSeconds(300), nanos::get), REALM);

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private ConsoleLogin.Outcome as(String user, String page) {
        return login.authenticate(basic(user, user), "192.0.2.7", page);
    }

    @Test
    public void karafsAdministratorReachesEveryPageAsTidingsAdmin() {
        for (String page : new String[] {"/bundles", "/configMgr", "/tidings", ""}) {
            ConsoleLogin.Outcome outcome = as("karaf", page);
            assertEquals(page, 0, outcome.status());
            assertEquals(Access.FULL, Access.of(outcome.roles()));
        }
        assertEquals("karaf", as("karaf", "/features").user());
    }

    @Test
    public void tidingsRolesReachTheTidingsPageOnly() {
        for (String user : new String[] {"оксана", "editor"}) {
            for (String page : new String[] {"/tidings", "/tidings/rules", "/tidings/res/tidings.css", "/res/lib/jquery.js"}) {
                assertEquals(user + " " + page, 0, as(user, page).status());
            }
            for (String page : new String[] {"/bundles", "/configMgr", "/features", "/tidingsx", "/bundles.json"}) {
                ConsoleLogin.Outcome refused = as(user, page);
                assertEquals(user + " " + page, 403, refused.status());
                assertTrue(refused.reason(), refused.reason().contains("needs Karaf's role admin"));
            }
            ConsoleLogin.Outcome root = as(user, "");
            assertEquals(302, root.status());
            assertEquals(ConsoleLogin.TIDINGS_PAGE, root.reason());
        }
        assertEquals(Access.Level.VIEWER, Access.of(as("оксана", "/tidings").roles()).level());
        assertEquals(Access.Level.EDITOR, Access.of(as("editor", "/tidings").roles()).level());
    }

    @Test
    public void aHostsRoleIsNoConsoleRole() {
        ConsoleLogin.Outcome refused = as("host", "/tidings");
        assertEquals(403, refused.status());
        assertTrue(refused.reason(), refused.reason().contains("tidings-viewer"));
    }

    @Test
    public void noOrWrongCredentialsAre401() {
        assertEquals(401, login.authenticate(null, "192.0.2.7", "/tidings").status());
        assertEquals(401, login.authenticate("Bearer abc", "192.0.2.7", "/tidings").status());
        assertEquals(401, login.authenticate("Basic !!!", "192.0.2.7", "/tidings").status());
        assertEquals(401, login.authenticate(basic("karaf", "gæt"), "192.0.2.7", "/bundles").status());
        assertEquals(401, login.authenticate(basic("nobody", "nobody"), "192.0.2.7", "/tidings").status());
    }

    @Test
    public void guessingIsThrottledPerUserUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login.authenticate(basic("оксана", "gæt" + i), "192.0.2.7", "/tidings").status());
        }
        ConsoleLogin.Outcome throttled = login.authenticate(basic("оксана", "оксана"), "198.51.100.1", "/tidings");
        assertEquals("the right password waits too, from any address", 429, throttled.status());
        assertTrue(throttled.retryAfterSeconds() > 0);
        assertEquals("another user is not held up", 0, as("editor", "/tidings").status());
        nanos.addAndGet(Duration.ofSeconds(301).toNanos());
        assertEquals(0, as("оксана", "/tidings").status());
    }

    @Test
    public void guessingIsThrottledPerAddress() {
        ConsoleLogin perAddress = new ConsoleLogin("karaf", "admin",
                new LoginThrottle(0, 2, Duration.ofSeconds(60), nanos::get), REALM);
        perAddress.authenticate(basic("a", "x"), "203.0.113.9", "/tidings");
        perAddress.authenticate(basic("b", "x"), "203.0.113.9", "/tidings");
        assertEquals(429, perAddress.authenticate(basic("karaf", "karaf"), "203.0.113.9", "/bundles").status());
        assertEquals(0, perAddress.authenticate(basic("karaf", "karaf"), "203.0.113.10", "/bundles").status());
    }
}
