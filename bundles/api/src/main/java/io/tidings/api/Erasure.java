package io.tidings.api;

/**
 * What erasing a contact removed (a data subject's request to be forgotten).
 *
 * @param address        the email address or phone number, as the record holds it
 * @param communications the messages to it, whatever their status (those not yet sent are not sent)
 * @param events         the events that only concerned it (no message to anyone else refers to them)
 * @param linkResponses  the dynamic links it followed
 * @param optIns         the opt-ins it gave through Tidings
 * @param optOutsKept    its opt-outs, kept so that it is never written to for those purposes again
 */
public record Erasure(String address, int communications, int events, int linkResponses, int optIns,
        int optOutsKept) {
}
