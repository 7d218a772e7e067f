package io.tidings.api.inbound;

import java.time.Instant;

/**
 * A message a contact sent in.
 *
 * @param channel the name of the channel instance it came through
 * @param medium  SMS, …
 * @param from    the sender's address (a phone number in E.164 where the channel can tell)
 * @param to      the address it was sent to (our number or short code); may be null
 * @param text    what it says
 * @param at      when the channel received it
 */
public record InboundMessage(String channel, String medium, String from, String to, String text, Instant at) {
}
