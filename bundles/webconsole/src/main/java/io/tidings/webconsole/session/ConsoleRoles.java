package io.tidings.webconsole.session;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;

/**
 * The roles of the user the web console logged in. Karaf's console login leaves the JAAS subject on
 * the request; its role principals (Karaf's {@code RolePrincipal}, recognised by class name so that
 * the bundle imports no Karaf package) carry the roles of users.properties. Without a subject (a
 * console without JAAS) the console's own login, which asks for the admin role, has decided.
 */
public final class ConsoleRoles {

    /** Roles that may act on messages and channels; {@code admin} is the role the console itself asks for. */
    private static final Set<String> ADMINS = Set.of("tidings-admin", "admin");
    /** Roles that may change templates, rules and locations. */
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

    /** Whether the user may act on messages and channels. */
    public static boolean admin(HttpServletRequest request) {
        return any(request, ADMINS);
    }

    /** Whether the user may change templates, rules and locations. */
    public static boolean mayEdit(HttpServletRequest request) {
        return any(request, EDITORS);
    }

    private static boolean any(HttpServletRequest request, Set<String> allowed) {
        if (!(request.getAttribute(USER_ATTRIBUTE) instanceof Subject)) {
            return true;
        }
        return of(request).stream().anyMatch(allowed::contains);
    }
}
