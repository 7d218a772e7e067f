package io.tidings.api.channel;

/**
 * Whether a channel can take messages now, and what it last saw.
 *
 * @param detail human-readable state, e.g. "bound", "reconnecting in 8 s: connection refused"
 */
public record ChannelState(boolean available, String detail) {
    public static final ChannelState AVAILABLE = new ChannelState(true, "available");

    public static ChannelState unavailable(String detail) {
        return new ChannelState(false, detail);
    }
}
