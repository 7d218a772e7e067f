package io.tidings.rest.auth;

import java.util.Optional;
import java.util.Set;

/** Checks a user name and password against a realm. */
@FunctionalInterface
public interface Authenticator {

    /** @return the user's roles, empty when the login failed */
    Optional<Set<String>> login(String realm, String user, char[] password);
}
