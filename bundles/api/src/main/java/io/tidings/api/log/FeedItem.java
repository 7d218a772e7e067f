package io.tidings.api.log;

import java.time.Instant;

import io.tidings.api.EntityRef;

/**
 * One line of a contact's or entity's feed.
 *
 * @param type      {@code sent} (a message Tidings sent), {@code received} (a reply from the contact),
 *                  {@code manual} (logged by a person or host) or {@code link_response} (the contact
 *                  answered through a link: confirmed, cancelled, opted out)
 * @param id        the communication's id (for a link response, the response's id)
 * @param at        when it happened: sent, received, occurred or responded
 * @param medium    EMAIL, SMS, PHONE, LETTER, …
 * @param status    a sent message's status, a logged one's state, a link response's action
 * @param address   the contact's address it went to or came from, when known
 * @param category  a logged communication's category
 * @param text      the body or notes; null unless the reader may see content
 * @param owner     who logged it
 * @param communicationId the communication it answers or follows, when there is one
 */
public record FeedItem(String type, String id, Instant at, String medium, Direction direction, String status,
        String contactId, String address, EntityRef entity, String category, String subject, String text,
        String owner, String communicationId) {

    /** The same item without its content (subject stays, body and notes go). */
    public FeedItem withoutText() {
        return new FeedItem(type, id, at, medium, direction, status, contactId, address, entity, category, subject,
                null, owner, communicationId);
    }
}
