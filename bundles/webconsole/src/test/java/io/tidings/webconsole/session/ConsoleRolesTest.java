package io.tidings.webconsole.session;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Set;

import javax.security.auth.Subject;
import javax.servlet.http.HttpServletRequest;

import org.junit.Test;

public class ConsoleRolesTest {

    /** Named as Karaf's JAAS role principal is. */
    private record RolePrincipal(String getName) implements Principal {
    }

    private record UserPrincipal(String getName) implements Principal {
    }

    private static HttpServletRequest loggedIn(Object user) {
        return (HttpServletRequest) Proxy.newProxyInstance(ConsoleRolesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getAttribute")) {
                        return "org.apache.felix.webconsole.user".equals(args[0]) ? user : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Subject subject(Principal... principals) {
        return new Subject(true, Set.of(principals), Set.of(), Set.of());
    }

    @Test
    public void karafsAdminOrTidingsAdminMayAct() {
        assertTrue(ConsoleRoles.admin(loggedIn(subject(new UserPrincipal("karaf"), new RolePrincipal("admin")))));
        assertTrue(ConsoleRoles.admin(loggedIn(subject(new UserPrincipal("olena"),
                new RolePrincipal("tidings-admin")))));
    }

    @Test
    public void aViewerMayNotAndAUserNamedAdminIsNoRole() {
        assertFalse(ConsoleRoles.admin(loggedIn(subject(new UserPrincipal("viewer"),
                new RolePrincipal("tidings-viewer")))));
        assertFalse(ConsoleRoles.admin(loggedIn(subject(new UserPrincipal("admin")))));
    }

    @Test
    public void withoutASubjectTheConsolesOwnAdminLoginDecides() {
        assertTrue(ConsoleRoles.admin(loggedIn(null)));
    }
}
