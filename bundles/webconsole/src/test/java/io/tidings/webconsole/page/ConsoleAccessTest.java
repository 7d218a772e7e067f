package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.channel.MessageArchive;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.webconsole.session.Access;
import io.tidings.webconsole.session.Access.Level;

/** The page follows the user's roles: tabs, forms and posts of a viewer, an editor and an administrator. */
public class ConsoleAccessTest {

    private static final Access VIEWER = new Access(Level.VIEWER, false);
    private static final Access EDITOR = new Access(Level.EDITOR, false);

    private int cleared;

    private final Services services = new Services() {
        @Override
        public MessageArchive archive() {
            return new MessageArchive() {
                @Override
                public List<Entry> messages(int limit) {
                    return List.of();
                }

                @Override
                public void clear() {
                    cleared++;
                }
            };
        }
    };

    private static View view(Access access, String... namesAndValues) {
        Map<String, String[]> parameters = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return new View(Services.ROOT, parameters, "token", null, access);
    }

    private String page(String path, Access access, String... parameters) {
        return new Console(services).page(path, view(access, parameters)).toString();
    }

    @Test
    public void tabsFollowTheRoles() {
        String viewer = page("/tags", VIEWER);
        assertTrue(viewer, viewer.contains(">Templates</a>"));
        for (String tab : new String[] {">Send</a>", ">Devbox</a>", ">Consent</a>", ">Access</a>"}) {
            assertFalse(tab, viewer.contains(tab));
        }
        assertTrue(page("/tags", new Access(Level.VIEWER, true)).contains(">Devbox</a>"));
        String admin = page("/tags", Access.FULL);
        for (String tab : new String[] {">Send</a>", ">Devbox</a>", ">Consent</a>", ">Access</a>"}) {
            assertTrue(tab, admin.contains(tab));
        }
    }

    @Test
    public void aPageOfAHiddenTabIsNotShown() {
        assertTrue(page("/consent", EDITOR).contains("this needs the role tidings-admin"));
        assertTrue(page("/devbox", EDITOR).contains("tidings-viewer-content"));
        assertTrue(page("/template/edit", VIEWER, "key", "x").contains("this needs the role tidings-editor"));
    }

    @Test
    public void templateFormsAreAnEditorsAndAViewerSeesNone() {
        TemplateStore store = new TemplateStore();
        store.all.add(new Template("ready-sms", "Klar", Medium.SMS, "da",
                Map.of("da", new TemplateContent(null, null, "Hej, ordre #order.number er klar.")), 1, List.of()));
        services.templates = store;
        String viewer = page("/templates", VIEWER) + page("/template", VIEWER, "key", "ready-sms");
        assertFalse(viewer, viewer.contains("method='post'"));
        assertFalse(viewer, viewer.contains(">Edit</a>"));
        String editor = page("/templates", EDITOR) + page("/template", EDITOR, "key", "ready-sms");
        assertTrue(editor, editor.contains("class='tidings-create'"));
        assertTrue(editor, editor.contains(">Edit</a>"));
    }

    @Test
    public void aPostTheRoleDoesNotAllowChangesNothing() {
        Redirect refused = new Console(services).post("/devbox/clear", view(EDITOR), "editor");
        assertTrue(refused.flash().error());
        assertTrue(refused.flash().message(), refused.flash().message().contains("this needs the role tidings-admin"));
        assertEquals(0, cleared);
        Redirect created = new Console(services).post("/template/create", view(VIEWER, "key", "x"), "viewer");
        assertTrue(created.flash().message(), created.flash().message().contains("tidings-editor"));
    }
}
