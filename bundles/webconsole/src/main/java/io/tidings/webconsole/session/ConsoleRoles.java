package io.tidings.webconsole.session;

import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;

import io.tidings.api.access.JaasLogin;

/**
 * What the logged-in user may do. Tidings' console login ({@code io.tidings.webconsole.security})
 * leaves the user's Tidings roles on the request, Karaf's configured administrator role already
 * counted as {@code tidings-admin}. Else a console login that left a JAAS subject (Karaf's own)
 * decides by the subject's role principals, Karaf's {@code admin} counting as {@code tidings-admin};
 * without either, the console's own login, which asks for the admin role, has decided.
 */
public final class ConsoleRoles {

    /** The request attribute with the user's Tidings role names (a {@code Set<String>}). */
    public static final String ROLES = "io.tidings.webconsole.roles";

    /** Karaf's administrator role, as Karaf's own console login requires it by default. */
    public static final String KARAF_ADMIN = "admin";

    private static final String USER = "org.apache.felix.webconsole.user";

    private ConsoleRoles() {
    }

    public static Access access(HttpServletRequest request) {
        if (request.getAttribute(ROLES) instanceof Set<?> roles) {
            Set<String> names = new HashSet<>();
            roles.forEach(role -> names.add(String.valueOf(role)));
            return Access.of(names);
        }
        if (!(request.getAttribute(USER) instanceof Subject subject)) {
            return Access.FULL;
        }
        return Access.of(tidingsRoles(JaasLogin.roles(subject), KARAF_ADMIN));
    }

    /** Whether the user may act on messages and channels: {@code tidings-admin} or Karaf's admin. */
    public static boolean admin(HttpServletRequest request) {
        return access(request).atLeast(Access.Level.ADMIN);
    }

    /** The role names with the Karaf administrator role counted as {@code tidings-admin}. */
    public static Set<String> tidingsRoles(Set<String> roles, String karafAdmin) {
        Set<String> granted = new HashSet<>(roles);
        if (karafAdmin != null && roles.contains(karafAdmin)) {
            granted.add(Access.Level.ADMIN.role());
        }
        return Set.copyOf(granted);
    }
}
