package io.tidings.webconsole.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.login.Configuration;

import io.tidings.api.access.JaasLogin;
import io.tidings.api.access.LoginThrottle;
import io.tidings.webconsole.session.Access;
import io.tidings.webconsole.session.ConsoleRoles;

/**
 * Who may open which page of the web console: HTTP Basic credentials checked by a JAAS realm,
 * failed logins throttled per user and address as the REST API's are. A user with Karaf's
 * administrator role reaches every page; a user whose roles are only Tidings roles
 * ({@code tidings-viewer}, {@code tidings-editor}, {@code tidings-admin}) reaches only the Tidings page
 * and the console's own stylesheets and scripts, every other page answers 403.
 */
public final class ConsoleLogin {

    /**
     * The outcome: {@code status} 0 when the request may proceed, else 401, 403 or 429 (with the
     * seconds to wait), or 302 to the Tidings page for a Tidings user who opened the console's root.
     */
    public record Outcome(int status, String user, Subject subject, Set<String> roles, String reason,
            long retryAfterSeconds) {

        static Outcome refused(int status, String user, String reason) {
            return new Outcome(status, user, null, Set.of(), reason, 0);
        }

        public boolean allowed() {
            return status == 0;
        }
    }

    /** The Tidings page under the console, e.g. {@code /system/console/tidings}. */
    public static final String TIDINGS_PAGE = "/tidings";

    private final String realm;
    private final String adminRole;
    private final LoginThrottle throttle;
    private final Configuration jaas;

    /**
     * @param realm     the JAAS realm, {@code karaf}
     * @param adminRole Karaf's role with every console page, {@code admin}; it counts as tidings-admin
     * @param jaas      a specific JAAS configuration, null for the JVM's (Karaf's)
     */
    public ConsoleLogin(String realm, String adminRole, LoginThrottle throttle, Configuration jaas) {
        this.realm = realm;
        this.adminRole = adminRole;
        this.throttle = throttle;
        this.jaas = jaas;
    }

    /**
     * @param authorization the Authorization header, null when absent
     * @param address       the caller's remote address
     * @param page          the path under the console's root ({@code /bundles}, {@code /tidings/rules}); "" for the root
     */
    public Outcome authenticate(String authorization, String address, String page) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Outcome.refused(401, null, "Log in with a Karaf user.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(401, null, "Malformed Basic credentials.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Outcome.refused(401, null, "Malformed Basic credentials.");
        }
        String user = decoded.substring(0, colon);
        long wait = throttle.blockedFor(user, address);
        if (wait > 0) {
            return new Outcome(429, null, null, Set.of(), "Too many failed logins of this user or from this address;"
                    + " try again in " + wait + " s.", wait);
        }
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject;
        try {
            subject = JaasLogin.login(realm, user, password, jaas);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (subject == null) {
            throttle.failed(user, address);
            return Outcome.refused(401, null, "Invalid user name or password.");
        }
        throttle.succeeded(user);
        Set<String> roles = ConsoleRoles.tidingsRoles(JaasLogin.roles(subject), adminRole);
        if (roles.contains(adminRole)) {
            return new Outcome(0, user, subject, roles, null, 0);
        }
        if (Access.of(roles).level() == Access.Level.NONE) {
            return Outcome.refused(403, user, "User " + user + " may not use the web console: this needs Karaf's role "
                    + adminRole + ", or tidings-viewer, tidings-editor or tidings-admin for the Tidings page.");
        }
        if (page.isEmpty() || page.equals("/")) {
            return new Outcome(302, user, subject, roles, TIDINGS_PAGE, 0);
        }
        if (!tidingsPage(page)) {
            return Outcome.refused(403, user, "This console page needs Karaf's role " + adminRole + ". User " + user
                    + " has Tidings roles only: the Tidings page is at " + TIDINGS_PAGE + ".");
        }
        return new Outcome(0, user, subject, roles, null, 0);
    }

    /** The Tidings page and its resources, the console's own stylesheets and scripts that frame it, and logging out. */
    static boolean tidingsPage(String page) {
        return page.equals(TIDINGS_PAGE) || page.startsWith(TIDINGS_PAGE + "/") || page.startsWith("/res/")
                || page.equals("/logout");
    }
}
