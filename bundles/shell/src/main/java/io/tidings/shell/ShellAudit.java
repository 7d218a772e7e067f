package io.tidings.shell;

import java.security.AccessController;
import java.security.Principal;
import java.time.Instant;

import javax.security.auth.Subject;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;

/**
 * Audit entries of changes made in the shell, with the shell's user as the actor: the name of the
 * session subject's {@code UserPrincipal} (matched by class name, so no Karaf JAAS import).
 */
final class ShellAudit {

    private ShellAudit() {
    }

    static void record(AuditTrail trail, String action, String objectType, String objectKey, String detail) {
        trail.record(new AuditEntry(Instant.now(), actor(), action, objectType, objectKey, detail));
    }

    @SuppressWarnings("removal") // the shell runs the command inside Subject.doAs; nothing else tells who it is
    static String actor() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals("UserPrincipal")) {
                    return principal.getName();
                }
            }
        }
        return "shell";
    }
}
