package io.tidings.webconsole.session;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;

/**
 * The roles of the user the web console logged in. Karaf's console security provider keeps the JAAS
 * subject as a request attribute; its role principals (Karaf's {@code RolePrincipal}, recognised by
 * class name so that the bundle imports no Karaf package) carry the roles of users.properties.
 */
public final class ConsoleRoles {

    /** Roles that may change rules and locations; {@code admin} is the role the console itself asks for. */
    private static final Set<String> EDITORS = Set.of("tidings-editor", "tidings-admin", "admin");

    private static final String USER_ATTRIBUTE = "org.apache.felix.webconsole.user";

    private ConsoleRoles() {
    }

    /** The user's roles; empty when the console did not say (no JAAS subject). */
    public static Set<String> of(HttpServletRequest request) {
        Set<String> roles = new TreeSet<>();
        if (request.getAttribute(USER_ATTRIBUTE) instanceof Subject subject) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals("RolePrincipal")) {
                    roles.add(principal.getName());
                }
            }
        }
        return roles;
    }

    /**
     * Whether the user may change rules and locations. Without a subject the console was reached
     * through a security provider that only lets administrators in.
     */
    public static boolean mayEdit(HttpServletRequest request) {
        Set<String> roles = of(request);
        return roles.isEmpty() || roles.stream().anyMatch(EDITORS::contains);
    }
}
