package io.tidings.webconsole.session;

import java.security.Principal;
import java.util.Set;

import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;

/**
 * Whether the logged-in user may act on messages and channels: Karaf's console login leaves the JAAS
 * subject on the request, whose role principals name the roles. Acting needs {@code tidings-admin} or
 * Karaf's {@code admin}; without a subject (a console without JAAS) the console's own login, which
 * asks for the admin role, decides.
 */
public final class ConsoleRoles {

    private static final Set<String> ADMIN = Set.of("admin", "tidings-admin");
    private static final String USER = "org.apache.felix.webconsole.user";

    private ConsoleRoles() {
    }

    public static boolean admin(HttpServletRequest request) {
        if (!(request.getAttribute(USER) instanceof Subject subject)) {
            return true;
        }
        for (Principal principal : subject.getPrincipals()) {
            if (principal.getClass().getSimpleName().equals("RolePrincipal") && ADMIN.contains(principal.getName())) {
                return true;
            }
        }
        return false;
    }
}
