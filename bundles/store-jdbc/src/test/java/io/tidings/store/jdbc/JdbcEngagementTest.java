package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkResponse;

/** Link responses, opens and clicks. */
public class JdbcEngagementTest extends RepositoryContract {

    @Test
    public void aLinkResponseIsRecordedOncePerMessageAndAction() {
        var first = new LinkResponse(UUID.randomUUID().toString(),
                LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, "olena@example.com", "c-1",
                "service_request", "SR-7", NOW);
        assertEquals(first, store.engagement().saveLinkResponse(first));
        var again = new LinkResponse(UUID.randomUUID().toString(), first.action(),
                first.address(), "c-1", "service_request", "SR-7", NOW.plusSeconds(30));
        assertEquals("the second visit finds the first record", first, store.engagement().saveLinkResponse(again));
        var other = new LinkResponse(UUID.randomUUID().toString(),
                LinkAction.OPT_OUT_DIRECT_MARKETING, "olena@example.com", "c-2", "order", "4711",
                NOW.plusSeconds(60));
        store.engagement().saveLinkResponse(other);

        assertEquals(List.of(first), store.engagement().linkResponses("service_request", "SR-7", null, 100));
        assertEquals(List.of(first, other), store.engagement().linkResponses(null, null, null, 100));
        assertEquals(List.of(other), store.engagement().linkResponses(null, null, NOW.plusSeconds(1), 100));
    }

    @Test
    public void opensAndClicksAreCountedPerEmailAndSummedPerRule() {
        BusinessEvent event = event("e-engage");
        List<Communication> planned = List.of(queued(event, "a@example.com", NOW), queued(event, "b@example.com", NOW));
        store.outbox().ingest(event, planned);
        List<Communication> claimed = store.outbox().claimDue(NOW.plusSeconds(1), 10, NOW.plusSeconds(60));
        for (Communication c : claimed) {
            store.outbox().markSent(c.id(), "smtp-main", "<" + c.id() + ">", 1, "en", "s", "b", NOW.plusSeconds(2));
        }
        String first = claimed.get(0).id();
        store.engagement().recordOpen(first, NOW.plusSeconds(10));
        store.engagement().recordOpen(first, NOW.plusSeconds(20));
        store.engagement().recordClick(first, NOW.plusSeconds(30));
        store.engagement().recordOpen("not-on-record", NOW);

        var engagement = store.engagement().engagement(first);
        assertEquals(NOW.plusSeconds(10), engagement.firstOpenedAt());
        assertEquals(2, engagement.opens());
        assertEquals(NOW.plusSeconds(30), engagement.firstClickedAt());
        assertEquals(1, engagement.clicks());
        assertEquals(0, store.engagement().engagement(claimed.get(1).id()).opens());

        var summary = store.engagement().engagementSummary("rule", null);
        assertEquals(2, summary.sent());
        assertEquals(1, summary.opened());
        assertEquals(1, summary.clicked());
        assertEquals(0, store.engagement().engagementSummary("rule", NOW.plusSeconds(3600)).sent());
    }
}
