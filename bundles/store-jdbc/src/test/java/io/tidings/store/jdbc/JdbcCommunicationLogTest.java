package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.EntityRef;
import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkResponse;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.Direction;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FeedQuery;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;

/** The communication log: logged communications, categories, follow-ups and the feed. */
public class JdbcCommunicationLogTest extends RepositoryContract {

    private static final EntityRef ORDER = new EntityRef("order", "4711");

    private static LoggedCommunication logged(String id, String medium, EntryState state, String contactId,
            Instant at) {
        return new LoggedCommunication(id, LoggedCommunication.MANUAL, medium, Direction.OUTBOUND, state,
                Map.of("id", contactId, "name", "Olena", "phone", "+380671234567"), ORDER, "billing", "Invoice",
                "Called about invoice 17", at, null, List.of(), "anna", null, null, null, null);
    }

    @Test
    public void theSameIdTwiceRecordsOnceAndTheFirstStays() {
        assertTrue(store.communicationLog().insert(logged("call-1", "PHONE", EntryState.COMPLETED, "C-1", NOW), NOW));
        LoggedCommunication other = new LoggedCommunication("call-1", LoggedCommunication.MANUAL, "LETTER",
                Direction.INBOUND, EntryState.COMPLETED, Map.of(), null, null, null, "other", NOW, null, List.of(),
                "bo", null, null, null, null);
        assertFalse(store.communicationLog().insert(other, NOW.plusSeconds(5)));
        LoggedCommunication found = store.communicationLog().find("call-1").orElseThrow();
        assertEquals("PHONE", found.medium());
        assertEquals("C-1", found.contactId());
        assertEquals("Called about invoice 17", found.notes());
        assertEquals(ORDER, found.entity());
        assertEquals(NOW, found.occurredAt());
        assertEquals(NOW, found.createdAt());
    }

    @Test
    public void aDraftChangesWithItsRelatedLinksUntilItIsCompleted() {
        store.communicationLog().insert(logged("letter-1", "LETTER", EntryState.DRAFT, "C-1", null), NOW);
        LoggedCommunication completed = new LoggedCommunication("letter-1", LoggedCommunication.MANUAL, "LETTER",
                Direction.OUTBOUND, EntryState.COMPLETED, Map.of("id", "C-2"), ORDER, null, "Reminder", "Sent by post",
                NOW.plusSeconds(60), null, List.of("call-9", "call-8"), "anna", null, null, null, null);
        assertTrue(store.communicationLog().updateDraft(completed, NOW.plusSeconds(60)));
        LoggedCommunication found = store.communicationLog().find("letter-1").orElseThrow();
        assertEquals(EntryState.COMPLETED, found.state());
        assertEquals("C-2", found.contactId());
        assertEquals(List.of("call-8", "call-9"), found.related());
        assertFalse("completed: no longer a draft", store.communicationLog().updateDraft(completed, NOW));
    }

    @Test
    public void categoriesAreAddedRenamedAndRemoved() {
        store.communicationLog().saveCategory(new CommunicationCategory("billing", "Billing"));
        store.communicationLog().saveCategory(new CommunicationCategory("complaint", "Complaint"));
        store.communicationLog().saveCategory(new CommunicationCategory("billing", "Bills and payments"));
        assertEquals(List.of(new CommunicationCategory("billing", "Bills and payments"),
                new CommunicationCategory("complaint", "Complaint")), store.communicationLog().categories());
        assertTrue(store.communicationLog().removeCategory("complaint"));
        assertFalse(store.communicationLog().removeCategory("complaint"));
        assertTrue(store.communicationLog().category("complaint").isEmpty());
    }

    @Test
    public void openFollowUpsAreListedByOwnerAndDueDateAndCompletionRecordsTheOutcome() {
        store.communicationLog().insert(logged("call-1", "PHONE", EntryState.COMPLETED, "C-1", NOW), NOW);
        store.communicationLog().saveFollowUp(new FollowUp("call-1", NOW.plusSeconds(3600), "anna", "call back",
                null, null), NOW);
        store.communicationLog().saveFollowUp(new FollowUp("sent-1", NOW.plusSeconds(60), "bo", null, null, null),
                NOW);
        store.communicationLog().saveFollowUp(new FollowUp("sent-2", NOW.plusSeconds(86_400), "anna", null, null,
                null), NOW);
        assertEquals(List.of("sent-1", "call-1", "sent-2"), followUpIds(store.communicationLog().openFollowUps(null, null, 10)));
        assertEquals(List.of("call-1"), followUpIds(store.communicationLog().openFollowUps("anna", NOW.plusSeconds(7200), 10)));

        LoggedCommunication callBack = new LoggedCommunication("call-2", LoggedCommunication.MANUAL, "PHONE",
                Direction.OUTBOUND, EntryState.COMPLETED, Map.of("id", "C-1"), ORDER, null, null, "reached her",
                NOW.plusSeconds(3000), "call-1", List.of("call-1"), "anna", null, null, null, null);
        assertTrue(store.communicationLog().completeFollowUp("call-1", callBack, NOW.plusSeconds(3000)));
        assertFalse("closed already", store.communicationLog().completeFollowUp("call-1", callBack, NOW));
        FollowUp closed = store.communicationLog().followUp("call-1").orElseThrow();
        assertEquals("call-2", closed.completedAs());
        assertEquals(NOW.plusSeconds(3000), closed.completedAt());
        assertEquals(List.of("call-1"), store.communicationLog().find("call-2").orElseThrow().related());
        assertEquals(List.of("sent-1", "sent-2"), followUpIds(store.communicationLog().openFollowUps(null, null, 10)));
    }

    @Test
    public void theFeedMixesSentReceivedLoggedAndLinkResponsesNewestFirstInPages() {
        BusinessEvent event = new BusinessEvent("e-1", "order.ready", OffsetDateTime.parse("2026-11-23T10:00:00+02:00"),
                null, ORDER, Map.of("contact_information", Map.of("id", "C-1", "email", "Olena@example.com",
                        "phone", "0671234567")));
        Communication email = queued(event, "olena@example.com", NOW);
        Communication copy = queued(event, "manager@example.com", NOW);
        store.outbox().ingest(event, List.of(email, copy));
        store.outbox().claimDue(NOW, 2, NOW.plusSeconds(60));
        store.outbox().markSent(email.id(), "smtp", "m-1", 1, "uk", "Ready", "Your order is ready", NOW.plusSeconds(10));
        store.outbox().markSent(copy.id(), "smtp", "m-2", 1, "uk", "Ready", "copy", NOW.plusSeconds(10));
        LoggedCommunication reply = new LoggedCommunication(UUID.randomUUID().toString(),
                LoggedCommunication.RECEIVED, "SMS", Direction.INBOUND, EntryState.COMPLETED,
                Map.of("id", "C-1", "phone", "+380671234567"), ORDER, null, null, "Thanks", NOW.plusSeconds(20), null,
                List.of(), null, "smpp-main", null, null, null);
        store.communicationLog().insert(reply, NOW.plusSeconds(20));
        store.communicationLog().insert(logged("letter-1", "LETTER", EntryState.COMPLETED, "C-1",
                NOW.plusSeconds(30)), NOW.plusSeconds(30));
        store.communicationLog().insert(logged("draft-1", "LETTER", EntryState.DRAFT, "C-1", null), NOW);
        store.communicationLog().insert(logged("other-1", "PHONE", EntryState.COMPLETED, "C-2", NOW), NOW);
        store.engagement().saveLinkResponse(new LinkResponse("r-1", LinkAction.SERVICE_REQUEST_RESPONSE_ACCEPTANCE, "olena@example.com",
                email.id(), "order", "4711", NOW.plusSeconds(40)));

        List<FeedItem> feed = store.communicationLog().feed(new FeedQuery("C-1", null, null, 0, 10));
        assertEquals(List.of("link_response", "manual", "received", "sent"), feed.stream().map(FeedItem::type).toList());
        assertEquals(List.of("r-1", "letter-1", reply.id(), email.id()), feed.stream().map(FeedItem::id).toList());
        assertEquals("Your order is ready", feed.get(3).text());
        assertEquals(Direction.INBOUND, feed.get(2).direction());
        assertEquals(email.id(), feed.get(0).communicationId());

        assertEquals(List.of("letter-1", reply.id()), store.communicationLog().feed(new FeedQuery("C-1", null, null,
                1, 2)).stream().map(FeedItem::id).toList());
        assertEquals("the copy to a fixed address is the order's, not the contact's", 6,
                store.communicationLog().feed(new FeedQuery(null, "order", "4711", 0, 10)).size());
        assertEquals(List.of(email.id()), store.record().communications(new CommunicationQuery(null, null, null,
                null, 10, null, "C-1", null)).stream().map(Communication::id).toList());
        assertEquals("C-1", store.communicationLog().latestSentTo("olena@example.com").orElseThrow().contactId());
        assertNull(store.communicationLog().latestSentTo("manager@example.com").orElseThrow().contactId());
    }

    private static List<String> followUpIds(List<FollowUp> followUps) {
        return followUps.stream().map(FollowUp::communicationId).toList();
    }
}
