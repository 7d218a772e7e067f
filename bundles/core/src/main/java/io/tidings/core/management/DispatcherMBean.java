package io.tidings.core.management;

/**
 * {@code io.tidings:type=Dispatcher}: the send path of this node, for Hawtio, Jolokia and Decanter's
 * JMX collector.
 */
public interface DispatcherMBean {

    /** Communications claimed whose outcome is not recorded yet. */
    int getInFlight();

    /** Rows claimed per second over the last ten seconds. */
    double getClaimedPerSecond();

    /** When the longest-waiting due communication became due (ISO-8601), empty when nothing is due. */
    String getOldestDue();

    /** Seconds since {@link #getOldestDue()}, 0 when nothing is due. */
    long getOldestDueAgeSeconds();

    /** Whether the send path runs (it restarts when {@code io.tidings.dispatch} changes). */
    boolean isRunning();

    /** Whether an operator paused it. */
    boolean isPaused();

    /** Claims nothing more until {@link #resume()}. */
    void pause();

    void resume();
}
