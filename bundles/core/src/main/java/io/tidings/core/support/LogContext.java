package io.tidings.core.support;

import org.slf4j.MDC;

import io.tidings.api.Communication;

/**
 * The MDC of a send: {@code tidings.communication}, {@code tidings.channel} and {@code tidings.rule}
 * on every log line written while one communication is rendered, handed to its channel or its
 * outcome recorded (pax-logging shows them with {@code %X}). Ids and names only, never an address
 * or a body. Closing it puts back what the thread had before.
 */
public final class LogContext implements AutoCloseable {

    public static final String COMMUNICATION = "tidings.communication";
    public static final String CHANNEL = "tidings.channel";
    public static final String RULE = "tidings.rule";

    private final String communication;
    private final String channel;
    private final String rule;

    private LogContext() {
        this.communication = MDC.get(COMMUNICATION);
        this.channel = MDC.get(CHANNEL);
        this.rule = MDC.get(RULE);
    }

    /** @param channel the channel, null while not routed yet */
    public static LogContext of(Communication communication, String channel) {
        return of(communication.id(), channel, communication.ruleKey());
    }

    public static LogContext of(String communication, String channel, String rule) {
        LogContext previous = new LogContext();
        set(COMMUNICATION, communication);
        set(CHANNEL, channel);
        set(RULE, rule);
        return previous;
    }

    /** The channel the communication was routed to. */
    public static void channel(String name) {
        set(CHANNEL, name);
    }

    @Override
    public void close() {
        set(COMMUNICATION, communication);
        set(CHANNEL, channel);
        set(RULE, rule);
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
