package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditTrail;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.CommunicationLog;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;
import io.tidings.webconsole.session.Access;

/**
 * The Log tab: an editor logs a phone call with a follow-up, sees it in the contact's feed, completes
 * the follow-up; refusals name the field in words; viewers read without content; unit-limited users
 * do not see the log; administrators keep the categories.
 */
public class LogPagesTest {

    private final MemoryLog log = new MemoryLog();
    private final List<AuditEntry> trail = new ArrayList<>();

    private final Console console = new Console(new NoServices() {
        @Override
        public io.tidings.api.NotificationService notifications() {
            return NoServices.engine("communication", java.util.Optional.of(Record.message("m-1",
                    io.tidings.api.CommunicationStatus.SENT, "smtp", "order-ready", java.time.Instant.now())));
        }

        @Override
        public CommunicationLog communicationLog() {
            return log;
        }

        @Override
        public AuditTrail audit() {
            return NoServices.trail(trail);
        }
    });

    private static final Access ADMIN = new Access(Access.Level.ADMIN, true);
    private static final Access EDITOR = new Access(Access.Level.EDITOR, true);
    private static final Access VIEWER = new Access(Access.Level.VIEWER, false);
    private static final Access NORTH_EDITOR = new Access(Access.Level.EDITOR, true, Set.of("north"));

    private static View view(Access access, String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return new View("/system/console/tidings", params, "token", null, access);
    }

    private Redirect logCall(Access access, String id, String... more) {
        List<String> params = new ArrayList<>(List.of("id", id, "medium", "PHONE", "direction", "OUTBOUND",
                "state", "COMPLETED", "subject", "Called about the delivery", "notes", "Will come at 5",
                "occurredAt", "2026-12-07T14:30", "contactId", "C-1042", "contactName", "Olena",
                "contactPhone", "+380671234567", "entityType", "order", "entityId", "A-1042"));
        params.addAll(List.of(more));
        return console.post("/log/save", view(access, params.toArray(String[]::new)), "anna");
    }

    @Test
    public void anEditorLogsACallWithAFollowUpAndCompletesIt() {
        String form = console.page("/log/edit", view(EDITOR, "contactId", "C-1042")).toString();
        assertTrue(form, form.contains("<label for='field-medium'>Medium</label>"));
        assertTrue(form, form.contains("value='C-1042'"));
        assertTrue("posted with the session's token", form.contains("name='csrf' value='token'"));
        assertTrue(form, form.contains("<option value='IN_PERSON' >in person</option>"));

        Redirect logged = logCall(EDITOR, "call-1", "followUpDue", "2026-12-08T10:00", "followUpOwner", "anna",
                "followUpNote", "Call back about the refund");
        assertFalse(logged.flash().message(), logged.flash().error());
        assertEquals("/log?contactId=C-1042", logged.path());
        LoggedCommunication call = log.logged.get("call-1");
        assertEquals("PHONE", call.medium());
        assertEquals("anna", call.owner());
        assertEquals(LocalDateTime.parse("2026-12-07T14:30").atZone(ZoneId.systemDefault()).toInstant(),
                call.occurredAt());
        FollowUp followUp = log.followUps.get("call-1");
        assertEquals("anna", followUp.owner());
        assertEquals("logged", trail.get(0).action());
        assertEquals("call-1", trail.get(0).objectKey());

        String feed = console.page("/log", view(EDITOR, "contactId", "C-1042")).toString();
        assertTrue(feed, feed.contains("<h2>Feed of contact C-1042</h2>"));
        assertTrue(feed, feed.contains("<td>logged</td><td>PHONE</td><td>outbound</td><td>COMPLETED</td>"));
        assertTrue(feed, feed.contains(Times.local(call.occurredAt())));
        assertTrue(feed, feed.contains("Called about the delivery"));
        assertTrue(feed, feed.contains("href='/system/console/tidings/log/entry?id=call-1'"));

        String open = console.page("/follow-ups", view(EDITOR, "owner", "anna")).toString();
        assertTrue(open, open.contains("Call back about the refund"));
        assertTrue(open, open.contains("href='/system/console/tidings/follow-up/complete?id=call-1'"));
        String none = console.page("/follow-ups", view(EDITOR, "owner", "boris")).toString();
        assertTrue(none, none.contains("No open follow-up matches."));

        String completeForm = console.page("/follow-up/complete", view(EDITOR, "id", "call-1")).toString();
        assertTrue(completeForm, completeForm.contains("<button type='submit'>Complete follow-up</button>"));
        Redirect done = console.post("/follow-up/complete", view(EDITOR, "communicationId", "call-1", "outcome",
                "call-2", "medium", "PHONE", "direction", "OUTBOUND", "subject", "Called back",
                "occurredAt", "2026-12-08T09:40"), "anna");
        assertFalse(done.flash().message(), done.flash().error());
        assertFalse(log.followUps.get("call-1").open());
        assertEquals("call-1", log.logged.get("call-2").followUpOf());
        assertEquals("follow-up completed", trail.get(1).action());

        String both = console.page("/log", view(EDITOR, "contactId", "C-1042")).toString();
        assertTrue("newest first", both.indexOf("Called back") < both.indexOf("Called about the delivery"));
        assertTrue(console.page("/follow-ups", view(EDITOR)).toString().contains("No open follow-up."));
        String entry = console.page("/log/entry", view(EDITOR, "id", "call-1")).toString();
        assertTrue(entry, entry.contains("as <a href='/system/console/tidings/log/entry?id=call-2'>call-2</a>"));
    }

    @Test
    public void aRefusalNamesTheFieldInWordsAndKeepsWhatWasTyped() {
        Redirect refused = logCall(EDITOR, "call-1", "contactEmail", "x".repeat(400));
        assertTrue(refused.flash().error());
        assertEquals("contactEmail", refused.flash().field());
        assertTrue(refused.flash().message(), refused.flash().message().startsWith("Not saved: Contact email must be"));
        assertFalse(refused.flash().message(), refused.flash().message().contains("contact.email"));
        assertTrue(log.logged.isEmpty());

        Redirect badDue = logCall(EDITOR, "call-1", "followUpOwner", "anna");
        assertEquals("followUpDue", badDue.flash().field());
        assertTrue("nothing recorded when the follow-up is wrong", log.logged.isEmpty());

        View back = new View("/system/console/tidings", Map.of(), "token", badDue.flash(), EDITOR);
        String form = console.page("/log/edit", back).toString();
        assertTrue(form, form.contains("id='error-followUpDue' role='alert'>Not saved: Follow-up due is required"));
        assertTrue("what was typed is kept", form.contains("value='Called about the delivery'"));

        Redirect medium = logCall(EDITOR, "call-1", "mediumOther", "carrier pigeon!");
        assertEquals("medium", medium.flash().field());
        assertTrue(medium.flash().message(), medium.flash().message().startsWith("Not saved: Medium must be"));
    }

    @Test
    public void aDraftIsEditedThenCompletedAndSent() {
        Redirect draft = console.post("/log/save", view(EDITOR, "id", "mail-1", "medium", "EMAIL", "direction",
                "OUTBOUND", "state", "DRAFT", "subject", "Your refund", "contactId", "C-1", "contactEmail",
                "olena@example.com"), "anna");
        assertFalse(draft.flash().message(), draft.flash().error());
        assertEquals("/log/entry?id=mail-1", draft.path());
        String entry = console.page("/log/entry", view(EDITOR, "id", "mail-1")).toString();
        assertTrue(entry, entry.contains("Edit or complete the draft"));
        String edit = console.page("/log/edit", view(EDITOR, "id", "mail-1")).toString();
        assertTrue(edit, edit.contains("<button type='submit' name='send' value='yes'>Complete and send</button>"));
        assertTrue(edit, edit.contains("name='original' value='mail-1'"));

        Redirect sent = console.post("/log/save", view(EDITOR, "original", "mail-1", "id", "mail-1", "medium",
                "EMAIL", "direction", "OUTBOUND", "state", "DRAFT", "subject", "Your refund", "contactId", "C-1",
                "contactEmail", "olena@example.com", "send", "yes"), "anna");
        assertFalse(sent.flash().message(), sent.flash().error());
        assertEquals(List.of("mail-1"), log.sent);
        assertEquals(EntryState.COMPLETED, log.logged.get("mail-1").state());
        assertEquals("completed and sent", trail.get(1).action());

        String again = console.page("/log/edit", view(EDITOR, "id", "mail-1")).toString();
        assertTrue(again, again.contains("is COMPLETED and can no longer change"));
    }

    @Test
    public void viewersReadWithoutContentAndCannotLog() {
        logCall(EDITOR, "call-1", "subject", "<script>alert(1)</script>");
        String asEditor = console.page("/log", view(EDITOR, "contactId", "C-1042")).toString();
        assertTrue(asEditor, asEditor.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(asEditor, asEditor.contains("<script>alert"));

        String feed = console.page("/log", view(VIEWER, "contactId", "C-1042")).toString();
        assertTrue(feed, feed.contains("<td>logged</td>"));
        assertFalse(feed, feed.contains("alert(1)"));
        assertFalse(feed, feed.contains("Will come at 5"));
        assertFalse("no log form for a viewer", feed.contains("Log a communication"));
        String form = console.page("/log/edit", view(VIEWER)).toString();
        assertTrue(form, form.contains("this needs the role tidings-editor"));
        Redirect refused = logCall(VIEWER, "call-2");
        assertTrue(refused.flash().error());
        assertFalse(log.logged.containsKey("call-2"));
    }

    @Test
    public void aUnitLimitedUserDoesNotSeeTheLog() {
        logCall(EDITOR, "call-1");
        String tabs = console.page("/log/categories", view(NORTH_EDITOR)).toString();
        assertFalse(tabs, tabs.contains(">Log</a>"));
        String feed = console.page("/log", view(NORTH_EDITOR, "contactId", "C-1042")).toString();
        assertTrue(feed, feed.contains("not divided by units"));
        assertFalse(feed, feed.contains("call-1"));
        Redirect refused = logCall(NORTH_EDITOR, "call-2");
        assertTrue(refused.flash().error());
        assertFalse(log.logged.containsKey("call-2"));
        assertTrue(console.page("/log/categories", view(EDITOR)).toString().contains("class='active'>Log</a>"));
    }

    @Test
    public void administratorsKeepTheCategories() {
        String asEditor = console.page("/log/categories", view(EDITOR)).toString();
        assertFalse("editors have no category form", asEditor.contains("Save category"));
        Redirect refused = console.post("/log/category/save", view(EDITOR, "key", "billing", "name", "Billing"),
                "anna");
        assertTrue(refused.flash().error());
        assertTrue(log.categories.isEmpty());

        Redirect saved = console.post("/log/category/save", view(ADMIN, "key", "billing", "name", "Billing"), "karaf");
        assertFalse(saved.flash().message(), saved.flash().error());
        Redirect bad = console.post("/log/category/save", view(ADMIN, "key", "Bad Key", "name", "x"), "karaf");
        assertEquals("key", bad.flash().field());
        assertTrue(bad.flash().message(), bad.flash().message().startsWith("Not saved: Key must be"));

        String form = console.page("/log/edit", view(EDITOR)).toString();
        assertTrue(form, form.contains("<option value='billing' >Billing</option>"));

        String confirm = console.page("/log/category/delete", view(ADMIN, "key", "billing")).toString();
        assertTrue(confirm, confirm.contains("<h2>Delete category Billing?</h2>"));
        assertTrue(log.categories.containsKey("billing"));
        Redirect deleted = console.post("/log/category/delete", view(ADMIN, "key", "billing"), "karaf");
        assertFalse(deleted.flash().message(), deleted.flash().error());
        assertTrue(log.categories.isEmpty());
        assertEquals(List.of("saved", "deleted"), trail.stream().map(AuditEntry::action).toList());
        log.saveCategory(new CommunicationCategory("x", "X"));
    }

    @Test
    public void aCommunicationsPageLinksToItsEntitysFeed() {
        String page = console.page("/communication", view(VIEWER, "id", "m-1")).toString();
        assertTrue(page, page.contains("<a href='/system/console/tidings/log?entityType=order&amp;entityId=1001'>"
                + "Feed of order 1001</a>"));
    }

    @Test
    public void aFeedLookupNamesWhatIsMissingInWords() {
        String both = console.page("/log", view(VIEWER, "contactId", "C-1", "entityType", "order")).toString();
        assertTrue(both, both.contains("Give either a contact id or an entity's type and id, not both."));
        String half = console.page("/log", view(VIEWER, "entityType", "order")).toString();
        assertTrue(half, half.contains("Entity id is required with the entity type"));
        String page = console.page("/log", view(VIEWER, "contactId", "C-1", "limit", "9999")).toString();
        assertTrue(page, page.contains("Per page must be a whole number from 1 to 500"));
    }
}
