package io.tidings.webconsole.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.WebConsoleSecurityProvider;
import org.apache.felix.webconsole.WebConsoleSecurityProvider2;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import io.tidings.api.access.JaasLogin;
import io.tidings.api.access.LoginThrottle;
import io.tidings.webconsole.session.ConsoleRoles;

/**
 * The web console's login, in place of Karaf's: the console asks the security provider service of
 * the highest ranking (Karaf registers its own with none, so 0), and hands it every request before
 * any page runs. Users with Karaf's administrator role reach every page as before; users with only
 * Tidings roles reach the Tidings page (see {@link ConsoleLogin}). On success the request carries
 * what Karaf's provider leaves on it (the JAAS subject as the console user, the user name, the
 * subject the console runs as) and the user's Tidings roles for the page.
 */
@Component(service = {WebConsoleSecurityProvider.class, WebConsoleSecurityProvider2.class},
        configurationPid = TidingsSecurityProvider.PID, property = Constants.SERVICE_RANKING + ":Integer=100")
@Designate(ocd = ConsoleLoginConfiguration.class)
public class TidingsSecurityProvider implements WebConsoleSecurityProvider2 {

    static final String PID = "io.tidings.webconsole.login";

    /** Where the console reads the logged-in user from (its User.USER_ATTRIBUTE's sibling). */
    private static final String CONSOLE_USER = "org.apache.felix.webconsole.user";
    /** The subject Karaf's console runs each request as. */
    private static final String RUN_AS = "karaf.subject.runas";
    private static final String AUTH_TYPE = "org.osgi.service.http.authentication.type";
    private static final String REMOTE_USER = "org.osgi.service.http.authentication.remote.user";

    private volatile ConsoleLogin login;
    private volatile String adminRole;

    @Activate
    @Modified
    void configure(ConsoleLoginConfiguration config) {
        adminRole = config.role();
        login = new ConsoleLogin(config.realm(), config.role(),
                new LoginThrottle(Math.max(0, config.loginFailuresPerUser()), Math.max(0, config.loginFailuresPerAddress()),
                        Duration.ofSeconds(Math.max(1, config.loginFailureWindowSeconds())), System::nanoTime), null);
    }

    @Override
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
        ConsoleLogin.Outcome outcome = login.authenticate(request.getHeader("Authorization"), request.getRemoteAddr(),
                page(request));
        if (outcome.allowed()) {
            request.setAttribute(AUTH_TYPE, HttpServletRequest.BASIC_AUTH);
            request.setAttribute(REMOTE_USER, outcome.user());
            request.setAttribute(CONSOLE_USER, outcome.subject());
            request.setAttribute(RUN_AS, outcome.subject());
            request.setAttribute(ConsoleRoles.ROLES, outcome.roles());
            return true;
        }
        try {
            refuse(request, response, outcome);
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ConsoleLogin.Outcome outcome)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (outcome.status() == 302) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + outcome.reason());
            return;
        }
        if (outcome.status() == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Karaf\"");
        } else if (outcome.status() == 429) {
            response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
        }
        response.setStatus(outcome.status());
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((outcome.reason() + "\n").getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /**
     * The path under the console's root: {@code /bundles}, {@code /tidings/rules}, {@code /res/lib/jquery.js};
     * "" for the root itself. The console's pages are one servlet at the root, its stylesheets, scripts
     * and images resources registered at the root's {@code /res}.
     */
    static String page(HttpServletRequest request) {
        String servlet = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servlet.endsWith("/res") ? "/res" + info : info;
    }

    /** For consoles that ask with a name and password only: the subject when the user may use the console. */
    @Override
    public Object authenticate(String user, String password) {
        ConsoleLogin.Outcome outcome = login.authenticate("Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)), null, ConsoleLogin.TIDINGS_PAGE);
        return outcome.allowed() ? outcome.subject() : null;
    }

    /** Only Karaf's administrator role is granted the console's own roles; Tidings roles open the Tidings page alone. */
    @Override
    public boolean authorize(Object user, String role) {
        if (!(user instanceof Subject subject)) {
            return false;
        }
        Set<String> roles = JaasLogin.roles(subject);
        return roles.contains(adminRole);
    }
}
