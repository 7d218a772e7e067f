package io.tidings.webconsole.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * The token every state-changing form carries, bound to the administrator's HTTP session: a page
 * of another site can make the browser post with the console's credentials, but cannot read the
 * token, so its post is refused.
 */
public final class CsrfToken {

    /** The form field that carries the token. */
    public static final String PARAMETER = "csrf";

    private static final String ATTRIBUTE = CsrfToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfToken() {
    }

    /** The session's token; the session and its token are created on the first page. */
    public static String of(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String known) {
                return known;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }

    /** Whether the request carries its session's token; false without a session. */
    public static boolean matches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String given = request.getParameter(PARAMETER);
        if (session == null || given == null) {
            return false;
        }
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String token && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
    }
}
