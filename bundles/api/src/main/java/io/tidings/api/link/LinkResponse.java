package io.tidings.api.link;

import java.time.Instant;

/**
 * A dynamic link that a recipient followed: the record the host platform collects (for example
 * to move a service request on once its response is accepted).
 *
 * @param id              unique id of the response
 * @param action          what the link did
 * @param address         the recipient the link was made for
 * @param communicationId the message that carried the link
 * @param entityType      the entity of the message's event (e.g. {@code service_request})
 * @param entityId        its id in the host platform
 * @param at              when it was followed (the first time: following a link again records nothing new)
 */
public record LinkResponse(String id, LinkAction action, String address, String communicationId, String entityType,
        String entityId, Instant at) {
}
