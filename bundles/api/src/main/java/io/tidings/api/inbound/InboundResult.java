package io.tidings.api.inbound;

/**
 * What the engine made of a message received.
 *
 * @param communicationId the id of the INBOUND communication recorded
 * @param action          {@code STOP} (opted out of marketing), {@code START} (opted in), {@code HELP}
 *                        (answered automatically), {@code CUSTOM} (an event for rules) or {@code NONE}
 * @param keyword         the keyword matched, null for none
 */
public record InboundResult(String communicationId, String action, String keyword) {
}
