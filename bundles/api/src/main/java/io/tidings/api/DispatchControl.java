package io.tidings.api;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An operator's brakes on the send path of this node, published by the engine beside
 * {@link DispatcherStatus}. A paused dispatcher claims nothing; a paused channel is given nothing
 * (its messages go to another available channel of their medium, or wait, costing no attempt) and
 * what waited is due again on resume. Pauses last until resumed or until the engine restarts.
 *
 * @since 1.5
 */
@ProviderType
public interface DispatchControl {

    /** Stops claiming: messages in flight finish, nothing new is handed to a channel. */
    void pause();

    /** Claims again at once. */
    void resume();

    /** Whether {@link #pause()} is in force. */
    boolean paused();

    /**
     * Gives the channel nothing more until {@link #resumeChannel}.
     *
     * @return false when no channel of that name is registered (nothing is paused then)
     */
    boolean pauseChannel(String name);

    /**
     * Routes to the channel again; what waited for it is due at once.
     *
     * @return false when the channel was not paused
     */
    boolean resumeChannel(String name);

    /** The names of the paused channels. */
    Set<String> pausedChannels();

    /**
     * Drains the channel before its removal: it is paused as by {@link #pauseChannel} (given nothing
     * new; its queued messages go to another channel of their medium, or wait) while what it has in
     * flight finishes. It reports {@code DRAINING} in its state while {@link #inFlight(String)} is
     * above 0, then {@code DRAINED}; {@link #resumeChannel} ends the drain.
     *
     * @return false when no channel of that name is registered (nothing is drained then)
     * @since 1.5
     */
    boolean drainChannel(String name);

    /**
     * The names of the channels being drained.
     *
     * @since 1.5
     */
    Set<String> drainingChannels();

    /**
     * Messages handed to the channel on this node whose outcome is not recorded yet.
     *
     * @since 1.5
     */
    int inFlight(String channel);
}
