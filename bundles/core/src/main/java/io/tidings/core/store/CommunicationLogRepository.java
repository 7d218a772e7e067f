package io.tidings.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.EntityRef;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FeedQuery;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;

/** The communication log's rows: logged and received communications, categories, follow-ups, the feed. */
@ProviderType
public interface CommunicationLogRepository {

    /**
     * Inserts a logged communication with its related links.
     *
     * @return false when one of that id was recorded before (nothing changes)
     */
    boolean insert(LoggedCommunication communication, Instant now);

    Optional<LoggedCommunication> find(String id);

    /** Replaces a DRAFT. @return false when it is not (or no longer) a DRAFT */
    boolean updateDraft(LoggedCommunication communication, Instant now);

    /** Whether a communication of this id exists, sent by Tidings or logged. */
    boolean exists(String communicationId);

    List<CommunicationCategory> categories();

    Optional<CommunicationCategory> category(String key);

    void saveCategory(CommunicationCategory category);

    boolean removeCategory(String key);

    /** Sets the follow-up of a communication, opening it again when it was completed. */
    void saveFollowUp(FollowUp followUp, Instant now);

    Optional<FollowUp> followUp(String communicationId);

    /** Open follow-ups, soonest due first; null filters nothing. */
    List<FollowUp> openFollowUps(String owner, Instant dueBefore, int limit);

    /**
     * Records the outcome and closes the open follow-up, in one transaction.
     *
     * @return false when there is no open follow-up (nothing is recorded)
     */
    boolean completeFollowUp(String communicationId, LoggedCommunication outcome, Instant now);

    /** The contact and entity of the latest message sent to an address, for matching a reply. */
    record Sender(String contactId, EntityRef entity, String communicationId) {
    }

    Optional<Sender> latestSentTo(String address);

    List<FeedItem> feed(FeedQuery query);
}
