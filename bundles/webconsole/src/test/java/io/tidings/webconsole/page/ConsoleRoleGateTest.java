package io.tidings.webconsole.page;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.webconsole.session.Access;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;

/**
 * Every post is gated by role in one place before its action runs: an editor cannot act on messages,
 * channels, consent or keys, a viewer cannot change templates; nothing is applied or audited.
 */
public class ConsoleRoleGateTest {

    private final List<AuditEntry> trail = new ArrayList<>();

    private final Console console = new Console(new NoServices() {
        @Override
        public AuditTrail audit() {
            return NoServices.trail(trail);
        }
    });

    private static View as(boolean editor, boolean admin) {
        Access.Level level = admin ? Access.Level.ADMIN : editor ? Access.Level.EDITOR : Access.Level.VIEWER;
        return new View("/system/console/tidings", Map.of("id", new String[] {"c-1"}, "key", new String[] {"k"}),
                null, null, new Access(level, false));
    }

    @Test
    public void anEditorIsRefusedEveryAdministratorsPost() {
        for (String path : List.of("/communication/cancel", "/communication/retry", "/communication/resend",
                "/communications/retry", "/channel/pause", "/channel/drain", "/dispatch/pause", "/dispatch/resume",
                "/channel/test", "/run/cancel", "/consent/erase",
                "/api-key/issue", "/send", "/devbox/clear")) {
            Redirect refused = console.post(path, as(true, false), "editor");
            assertTrue(path, refused.flash().error());
            assertTrue(path + ": " + refused.flash().message(), refused.flash().message().contains("tidings-admin"));
        }
        assertTrue(trail.isEmpty());
    }

    @Test
    public void aViewerIsRefusedATemplateChange() {
        for (String path : List.of("/template/save", "/template/create", "/location/save")) {
            Redirect refused = console.post(path, as(false, false), "viewer");
            assertTrue(path, refused.flash().error());
            assertTrue(path + ": " + refused.flash().message(), refused.flash().message().contains("tidings-editor"));
        }
        assertTrue(trail.isEmpty());
    }
}
