package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;

import org.junit.Before;
import org.junit.Test;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.ValidationException;

public class CommunicationActionsTest {

    private static final Instant T = Instant.parse("2026-03-07T12:00:00Z");

    private final Record record = new Record();
    private final Services services = new Services();

    @Before
    public void aRecordOfFiveMessages() {
        record.add(Record.message("s1", CommunicationStatus.SCHEDULED, null, "reminder", T.plusSeconds(50)))
                .add(Record.message("q1", CommunicationStatus.QUEUED, "smtp-main", "order-ready", T.plusSeconds(40)))
                .add(Record.message("f1", CommunicationStatus.FAILED, "smtp-main", "order-ready", T.plusSeconds(30)))
                .add(Record.message("f2", CommunicationStatus.FAILED, "smpp", "reminder", T.plusSeconds(20)))
                .add(Record.message("ok", CommunicationStatus.SENT, "smtp-main", "order-ready", T.plusSeconds(10)));
        services.engine = record.engine();
    }

    private String list(boolean admin, String... query) {
        return new CommunicationPages(services).search(Services.view(admin, query)).toString();
    }

    @Test
    public void theListFiltersByChannelAndRuleAndShowsTheReasonAndLocalTimes() {
        String page = list(true, "channel", "smtp-main", "rule", "order-ready");
        assertTrue(page, page.contains("q1") && page.contains("f1") && page.contains("ok"));
        assertFalse(page, page.contains("s1") || page.contains("f2"));
        assertTrue(page, page.contains("<td>550 mailbox</td>"));
        assertTrue(page, page.contains(Times.local(T.plusSeconds(30))));
        assertTrue(page, page.contains("1 to 3, newest first."));
    }

    @Test
    public void theListPagesThroughTheRecord() {
        String first = list(true, "limit", "2");
        assertTrue(first, first.contains("1 to 2, newest first.") && first.contains("rel='next'"));
        assertTrue(first, first.contains("limit=2&amp;page=2"));
        String last = list(true, "limit", "2", "page", "3");
        assertTrue(last, last.contains("5 to 5, newest first.") && last.contains("rel='prev'"));
        assertFalse(last, last.contains("rel='next'"));
        assertTrue(list(true, "page", "0").contains("page: must be a page number from 1, was &#39;0&#39;"));
    }

    @Test
    public void eachMessageOffersWhatItsStatusAllowsAndAViewerSeesNoAction() {
        String page = list(true);
        assertEquals(page, 2, count(page, "Cancel message</button>"));
        assertEquals(page, 3, count(page, ">Retry</button>"));
        assertEquals(page, 3, count(page, ">Resend</button>"));
        assertTrue(page, page.contains("data-confirm='Cancel message EMAIL s1? It will not be sent.'"));
        assertTrue(page, page.contains("name='csrf' value='token'"));
        String viewer = list(false);
        assertFalse(viewer, viewer.contains("<button type='submit' data-confirm"));
    }

    @Test
    public void cancelRetryAndResendActOnTheRecordOrSayWhyNot() {
        MessageActions actions = new MessageActions(services);
        Redirect cancelled = actions.cancel(Services.view(true, "id", "s1"));
        assertFalse(cancelled.flash().error());
        assertEquals("/communication?id=s1", cancelled.path());
        assertEquals(CommunicationStatus.CANCELLED, services.engine.communication("s1").get().status());

        Redirect notAgain = actions.cancel(Services.view(true, "id", "s1"));
        assertTrue(notAgain.flash().error());
        assertEquals("Not done: message s1 is CANCELLED; only a message not yet sent can be cancelled.",
                notAgain.flash().message());

        assertFalse(actions.retry(Services.view(true, "id", "f1", "back", "/communications")).flash().error());
        assertEquals(CommunicationStatus.QUEUED, services.engine.communication("f1").get().status());

        Redirect resent = actions.resend(Services.view(true, "id", "ok"));
        assertEquals("/communication?id=ok-again", resent.path());
        assertTrue(resent.flash().message(), resent.flash().message().contains("new message ok-again"));
    }

    @Test(expected = ValidationException.class)
    public void aViewerCannotAct() {
        new MessageActions(services).cancel(Services.view(false, "id", "s1"));
    }

    @Test
    public void theQueueCountsByChannelAndStatusAndRetriesTheFailedOfAChannel() {
        services.dispatcher = new io.tidings.api.DispatcherStatus() {
            @Override
            public boolean running() {
                return true;
            }

            @Override
            public java.util.Optional<Instant> oldestDue() {
                return java.util.Optional.of(T);
            }
        };
        String queue = new QueuePage(services).render(Services.view(true)).toString();
        assertTrue(queue, queue.contains("has been due since " + Times.local(T) + "."));
        assertTrue(queue, queue.contains("<tr><th scope='row'>smtp-main</th>"));
        assertTrue(queue, queue.contains("status=FAILED&amp;channel=smpp'>1</a>"));
        assertTrue(queue, queue.contains("Oldest waiting message: <a href='/system/console/tidings/communication?id=q1'>"));
        assertTrue(queue, queue.contains("Retry failed messages</button>"));
        assertFalse(new QueuePage(services).render(Services.view(false)).toString().contains("Retry failed"));

        Redirect retried = new MessageActions(services).retryFailed(Services.view(true, "channel", "smpp"));
        assertEquals("1 failed message(s) of channel smpp are due again now.", retried.flash().message());
        assertEquals(CommunicationStatus.QUEUED, services.engine.communication("f2").get().status());
        assertEquals(CommunicationStatus.FAILED, services.engine.communication("f1").get().status());
    }

    @Test(expected = ValidationException.class)
    public void aBulkRetryNamesAChannelOrARule() {
        new MessageActions(services).retryFailed(Services.view(true));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
