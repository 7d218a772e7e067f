package io.tidings.api.log;

/** Whether a communication went to the contact or came from them. */
public enum Direction {
    INBOUND, OUTBOUND
}
