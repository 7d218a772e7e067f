package io.tidings.core.management;

/** {@code io.tidings:type=Channel,name=<name>}: one channel as the engine routes to it. */
public interface ChannelMBean {

    /** {@code available}, or what keeps it from taking messages (e.g. {@code paused by an operator}). */
    String getState();

    boolean isAvailable();

    boolean isPaused();

    /** Messages it took since the engine started. */
    long getSent();

    /** Messages that ended FAILED on it since the engine started. */
    long getFailed();

    /** Messages it took per second over the last ten seconds. */
    double getRate();

    /** Routes nothing more to it until {@link #resume()}; its messages fail over or wait. */
    void pause();

    void resume();

    /**
     * Hands a short test message straight to this channel (not through the queue, nothing is recorded)
     * and answers what the channel said, within 30 s.
     *
     * @param address an email address or a phone number in E.164
     */
    String testSend(String address);
}
