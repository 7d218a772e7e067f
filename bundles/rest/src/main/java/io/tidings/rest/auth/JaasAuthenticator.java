package io.tidings.rest.auth;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Logs in through JAAS. In Karaf the realm ({@code karaf}) is served by Karaf's JAAS configuration;
 * its login module is found through the thread context class loader, which is set to this
 * bundle's loader around the login (Karaf boot-delegates {@code org.apache.karaf.jaas.boot}).
 * Roles are the names of the subject's {@code RolePrincipal}s, matched by class name so the
 * bundle needs no Karaf import.
 */
public final class JaasAuthenticator implements Authenticator {

    private static final String ROLE_PRINCIPAL = "RolePrincipal";

    private final Configuration configuration;

    /** Uses the JVM's JAAS configuration (Karaf's). */
    public JaasAuthenticator() {
        this(null);
    }

    /** @param configuration a specific JAAS configuration, null for the JVM's */
    public JaasAuthenticator(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Optional<Set<String>> login(String realm, String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            Subject subject = new Subject();
            CallbackHandler handler = callbacks -> answer(callbacks, user, password);
            LoginContext context = configuration == null ? new LoginContext(realm, subject, handler)
                    : new LoginContext(realm, subject, handler, configuration);
            context.login();
            Set<String> roles = new TreeSet<>();
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals(ROLE_PRINCIPAL)) {
                    roles.add(principal.getName());
                }
            }
            context.logout();
            return Optional.of(roles);
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws IOException, UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
