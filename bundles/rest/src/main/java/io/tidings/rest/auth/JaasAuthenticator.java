package io.tidings.rest.auth;

import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.login.Configuration;

import io.tidings.api.access.JaasLogin;

/** Logs in through JAAS (see {@link JaasLogin}): the roles of the user, or nothing when refused. */
public final class JaasAuthenticator implements Authenticator {

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
        Subject subject = JaasLogin.login(realm, user, password, configuration);
        return subject == null ? Optional.empty() : Optional.of(JaasLogin.roles(subject));
    }
}
