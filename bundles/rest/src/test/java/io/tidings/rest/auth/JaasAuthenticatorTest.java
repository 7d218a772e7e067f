package io.tidings.rest.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

/** Runs a real JAAS login through a realm whose module knows one user, as Karaf's properties realm does. */
public class JaasAuthenticatorTest {

    /** Named as Karaf's role principal, which the authenticator recognises by its simple class name. */
    public static final class RolePrincipal implements Principal {
        private final String name;

        public RolePrincipal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    public static final class UserPrincipal implements Principal {
        private final String name;

        public UserPrincipal(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** Accepts {@code søren} / {@code hemmelig} with the roles {@code admin} and {@code viewer}. */
    public static final class OneUserLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] { name, password });
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            if (!"søren".equals(name.getName()) || !"hemmelig".equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong credentials");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal("admin"));
            subject.getPrincipals().add(new RolePrincipal("viewer"));
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

    private final Configuration realm = new Configuration() {
        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return "karaf".equals(name) ? new AppConfigurationEntry[] { new AppConfigurationEntry(
                    OneUserLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, Map.of()) } : null;
        }
    };

    private final JaasAuthenticator authenticator = new JaasAuthenticator(realm);

    @Test
    public void returnsTheRolesOfAValidLogin() {
        assertEquals(Optional.of(Set.of("admin", "viewer")),
                authenticator.login("karaf", "søren", "hemmelig".toCharArray()));
    }

    @Test
    public void refusesWrongCredentialsAndUnknownRealms() {
        assertTrue(authenticator.login("karaf", "søren", "gæt".toCharArray()).isEmpty());
        assertTrue(authenticator.login("karaf", "admin", "hemmelig".toCharArray()).isEmpty());
        assertTrue(authenticator.login("nowhere", "søren", "hemmelig".toCharArray()).isEmpty());
    }

    @Test
    public void restoresTheContextClassLoader() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        authenticator.login("karaf", "søren", "hemmelig".toCharArray());
        assertEquals(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    public void worksBehindBasicAuthentication() {
        BasicAuthentication basic = new BasicAuthentication(authenticator, "karaf", "admin",
                java.time.Duration.ofSeconds(60));
        String header = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("søren:hemmelig".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BasicAuthentication.Outcome outcome = basic.authenticate(header);
        assertTrue(outcome.allowed());
        assertEquals("søren", outcome.user());
    }
}
