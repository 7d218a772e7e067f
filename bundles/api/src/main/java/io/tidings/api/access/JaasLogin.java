package io.tidings.api.access;

import java.io.IOException;
import java.security.Principal;
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
 * A user name and password checked by a JAAS realm, shared by the REST API's and the web console's
 * logins. In Karaf the realm ({@code karaf}) is served by Karaf's JAAS configuration; its login
 * module is found through the thread context class loader, which is set to this bundle's loader
 * around the login (Karaf boot-delegates {@code org.apache.karaf.jaas.boot}). Roles are the names of
 * the subject's {@code RolePrincipal}s, matched by class name so no Karaf import is needed.
 */
public final class JaasLogin {

    private static final String ROLE_PRINCIPAL = "RolePrincipal";

    private JaasLogin() {
    }

    /**
     * @param configuration a specific JAAS configuration, null for the JVM's (Karaf's)
     * @return the logged-in subject with its principals, null when the realm refuses the login
     */
    public static Subject login(String realm, String user, char[] password, Configuration configuration) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasLogin.class.getClassLoader());
        try {
            Subject subject = new Subject();
            CallbackHandler handler = callbacks -> answer(callbacks, user, password);
            LoginContext context = configuration == null ? new LoginContext(realm, subject, handler)
                    : new LoginContext(realm, subject, handler, configuration);
            context.login();
            return subject;
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The names of the subject's role principals; empty for null. */
    public static Set<String> roles(Subject subject) {
        Set<String> roles = new TreeSet<>();
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals(ROLE_PRINCIPAL)) {
                    roles.add(principal.getName());
                }
            }
        }
        return roles;
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
