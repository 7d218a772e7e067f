package io.tidings.api.channel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.junit.Test;

public class ChannelSummaryTest {

    /** A channel reporting the given state, or failing to report one when it is null. */
    private static Channel channel(ChannelState state) {
        return reporting(() -> {
            if (state == null) {
                throw new IllegalStateException("unbound");
            }
            return state;
        });
    }

    private static Channel reporting(Supplier<ChannelState> state) {
        return new Channel() {
            @Override
            public CompletionStage<SendResult> send(OutboundMessage message) {
                throw new AssertionError("not sent in this test");
            }

            @Override
            public ChannelCapabilities capabilities() {
                return ChannelCapabilities.TEXT;
            }

            @Override
            public ChannelState state() {
                return state.get();
            }
        };
    }

    @Test
    public void readsTheRoutingKeysInEveryShapeAServiceMayDeclareThem() {
        List<ChannelSummary> channels = List.of(
                ChannelSummary.of(channel(ChannelState.AVAILABLE), Map.of(Channel.NAME, "devbox",
                        Channel.MEDIUM, new String[] { "EMAIL", "SMS" }, Channel.PRIORITY, Integer.MIN_VALUE)),
                ChannelSummary.of(channel(ChannelState.unavailable("reconnecting in 8 s")),
                        Map.of(Channel.NAME, "smpp-main", Channel.MEDIUM, "SMS", Channel.PRIORITY, "10")),
                ChannelSummary.of(channel(null), Map.of(Channel.NAME, "smtp-main", Channel.MEDIUM, List.of("EMAIL"),
                        Channel.PRIORITY, 10L)),
                ChannelSummary.of(channel(ChannelState.AVAILABLE), Map.of("component.name", "io.example.Pigeon",
                        Channel.MEDIUM, "EMAIL, SMS", Channel.PRIORITY, "high")));

        List<ChannelSummary> sorted = channels.stream().sorted(ChannelSummary.ROUTING_ORDER).toList();
        assertEquals(List.of("smpp-main", "smtp-main", "io.example.Pigeon", "devbox"),
                sorted.stream().map(ChannelSummary::name).toList());
        assertEquals("reconnecting in 8 s", sorted.get(0).state().detail());
        assertFalse(sorted.get(1).state().available());
        assertTrue(sorted.get(1).state().detail().contains("IllegalStateException"));
        assertEquals(List.of("EMAIL", "SMS"), sorted.get(2).media());
        assertEquals("a priority that is no whole number counts as 0", 0, sorted.get(2).priority());
        assertEquals(List.of("EMAIL", "SMS"), sorted.get(3).media());
        assertTrue(sorted.get(3).state().available());
    }

    @Test
    public void aChannelWithoutStateOrServiceIsShownUnavailable() {
        Channel silent = reporting(() -> null);
        assertEquals(ChannelState.unavailable("reports no state"), ChannelSummary.of(silent, Map.of()).state());
        assertEquals(ChannelState.unavailable("service gone"), ChannelSummary.of(null, Map.of()).state());
        assertEquals("unnamed", ChannelSummary.of(null, Map.of()).name());
    }
}
