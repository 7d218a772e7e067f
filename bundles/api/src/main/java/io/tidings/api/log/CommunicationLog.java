package io.tidings.api.log;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.ValidationException;

/** The communication log: what the REST API, the shell and the console use. */
@ProviderType
public interface CommunicationLog {

    /** What {@link #record} did: created it now, or found it recorded under the same id before. */
    record Recorded(LoggedCommunication communication, boolean created) {
    }

    /**
     * Records a communication Tidings does not send. The same id twice records once (the second
     * answers the first, unchanged).
     *
     * @throws ValidationException naming the field at fault (an unknown {@code category}, …)
     */
    Recorded record(LoggedCommunication communication);

    /**
     * Edits a DRAFT (every field but the id and kind) or completes it. With {@code send} a DRAFT of
     * medium EMAIL or SMS that is OUTBOUND and now COMPLETED is sent through the queue as a manual
     * message (subject and notes as written, to the contact's address); its id is kept in {@code sentAs}.
     *
     * @return empty when there is no logged communication of this id
     * @throws ValidationException naming {@code state} when it is already COMPLETED, or the field at fault
     */
    Optional<LoggedCommunication> update(String id, LoggedCommunication changes, boolean send);

    Optional<LoggedCommunication> find(String id);

    List<CommunicationCategory> categories();

    /** Adds or renames a category. @throws ValidationException naming {@code key} or {@code name} */
    CommunicationCategory saveCategory(CommunicationCategory category);

    /** @return false when there was no such category; communications keep the key they have */
    boolean removeCategory(String key);

    /**
     * Sets (or moves) the follow-up of a communication, sent or logged.
     *
     * @throws ValidationException naming {@code communicationId} when no communication has that id,
     *                             or {@code dueAt} when it is missing
     */
    FollowUp followUp(String communicationId, Instant dueAt, String owner, String note);

    Optional<FollowUp> followUpOf(String communicationId);

    /**
     * The open follow-ups, soonest due first.
     *
     * @param owner     null for everyone's
     * @param dueBefore null for all, else those due before then
     */
    List<FollowUp> followUps(String owner, Instant dueBefore, int limit);

    /**
     * Completes a follow-up: records {@code outcome} (a COMPLETED communication, e.g. the call back)
     * with {@code followUpOf} and {@code related} pointing at the communication followed, and closes it.
     *
     * @return the closed follow-up, empty when the communication has none open
     */
    Optional<FollowUp> completeFollowUp(String communicationId, LoggedCommunication outcome);

    /** One chronological feed, newest first. @throws ValidationException naming the field at fault */
    List<FeedItem> feed(FeedQuery query);
}
