package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

public class ChannelRegistryTest {

    static final class Named implements Channel {
        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            return CompletableFuture.completedFuture(SendResult.sent("x"));
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.TEXT;
        }
    }

    /** A channel reporting what the supplier gives, or failing to report when it throws. */
    static final class Reporting implements Channel {
        private final Supplier<ChannelState> state;

        Reporting(Supplier<ChannelState> state) {
            this.state = state;
        }

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
    }

    /** A channel reporting the given state, or failing to report one when it is null. */
    private static Channel reporting(ChannelState state) {
        return new Reporting(() -> {
            if (state == null) {
                throw new IllegalStateException("unbound");
            }
            return state;
        });
    }

    @Test
    public void routesByMediumAndPriorityWithTheDevboxLast() {
        ChannelRegistry registry = new ChannelRegistry();
        Channel devbox = new Named();
        Channel smtp = new Named();
        Channel backup = new Named();
        registry.add(devbox, Map.of(Channel.NAME, "devbox", Channel.MEDIUM, new String[] {"EMAIL", "SMS"},
                Channel.PRIORITY, Integer.MIN_VALUE));
        registry.add(backup, Map.of(Channel.NAME, "smtp-backup", Channel.MEDIUM, "EMAIL", Channel.PRIORITY, "5"));
        registry.add(smtp, Map.of(Channel.NAME, "smtp-main", Channel.MEDIUM, List.of("EMAIL"), Channel.PRIORITY, 10));

        assertEquals("the devbox serves only a medium no other channel serves", List.of("smtp-main", "smtp-backup"),
                registry.candidates(Medium.EMAIL).stream().map(ChannelRegistry.Route::name).toList());
        assertEquals(List.of("devbox"),
                registry.candidates(Medium.SMS).stream().map(ChannelRegistry.Route::name).toList());

        registry.remove(smtp);
        assertEquals("smtp-backup", registry.candidates(Medium.EMAIL).get(0).name());
        registry.remove(backup);
        assertEquals(List.of("devbox"),
                registry.candidates(Medium.EMAIL).stream().map(ChannelRegistry.Route::name).toList());
        registry.remove(devbox);
        assertTrue(registry.candidates(Medium.SMS).isEmpty());
    }

    @Test
    public void routesAnyMediumAChannelDeclaresAndIgnoresWhatIsNotAName() {
        ChannelRegistry registry = new ChannelRegistry();
        Named pigeon = new Named();
        List<Medium> media = registry.add(pigeon, Map.of(Channel.MEDIUM, "PIGEON,sms, not a medium",
                Channel.CONTENT, "structured", Channel.MAX_LENGTH, "140"));
        registry.add(new Named(), Map.of(Channel.MEDIUM, "PIGEON", Channel.MAX_LENGTH, 200));
        // any of them may be routed to: the smallest limit holds; SMS keeps its own rule
        assertEquals(java.util.OptionalInt.of(140), registry.maxLength(Medium.of("PIGEON")));
        assertEquals(java.util.OptionalInt.empty(), registry.maxLength(Medium.SMS));
        assertEquals(List.of(Medium.of("PIGEON"), Medium.SMS), media);
        assertEquals(2, registry.candidates(Medium.of("PIGEON")).size());
        // the channel declares PIGEON's kind; a built-in medium keeps its own
        assertEquals(io.tidings.api.ContentKind.STRUCTURED, registry.kind(Medium.of("PIGEON")));
        assertEquals(io.tidings.api.ContentKind.TEXT, registry.kind(Medium.SMS));
        assertEquals(List.of("EMAIL", "PIGEON", "SMS", "WEBHOOK"),
                registry.media().stream().map(m -> m.medium().name()).toList());
        registry.remove(pigeon);
        assertEquals(io.tidings.api.ContentKind.TEXT, registry.kind(Medium.of("PIGEON")));
        assertEquals(java.util.OptionalInt.of(200), registry.maxLength(Medium.of("PIGEON")));
        assertEquals(1, registry.candidates(Medium.of("PIGEON")).size());
    }

    @Test
    public void listsTheRoutingKeysInEveryShapeAServiceMayDeclareThemInRoutingOrder() {
        ChannelRegistry registry = new ChannelRegistry();
        registry.add(reporting(ChannelState.AVAILABLE), Map.of(Channel.NAME, "devbox",
                Channel.MEDIUM, new String[] { "EMAIL", "SMS" }, Channel.PRIORITY, Integer.MIN_VALUE));
        registry.add(reporting(ChannelState.unavailable("reconnecting in 8 s")),
                Map.of(Channel.NAME, "smpp-main", Channel.MEDIUM, "SMS", Channel.PRIORITY, "10"));
        registry.add(reporting(null), Map.of(Channel.NAME, "smtp-main", Channel.MEDIUM, List.of("EMAIL"),
                Channel.PRIORITY, 10L));
        registry.add(reporting(ChannelState.AVAILABLE), Map.of("component.name", "io.example.Pigeon",
                Channel.MEDIUM, "EMAIL, SMS", Channel.PRIORITY, "high"));

        List<ChannelSummary> listed = registry.channels();
        assertEquals(List.of("smpp-main", "smtp-main", "io.example.Pigeon", "devbox"),
                listed.stream().map(ChannelSummary::name).toList());
        assertEquals(List.of("SMS"), listed.get(0).media());
        assertEquals(10, listed.get(0).priority());
        assertEquals("reconnecting in 8 s", listed.get(0).state().detail());
        assertEquals(List.of("EMAIL"), listed.get(1).media());
        assertEquals(10, listed.get(1).priority());
        assertFalse(listed.get(1).state().available());
        assertTrue(listed.get(1).state().detail().contains("IllegalStateException"));
        assertEquals(List.of("EMAIL", "SMS"), listed.get(2).media());
        assertEquals("a priority that is no whole number counts as 0", 0, listed.get(2).priority());
        assertTrue(listed.get(2).state().available());
        assertEquals(List.of("EMAIL", "SMS"), listed.get(3).media());
        assertEquals(Channel.FALLBACK_PRIORITY, listed.get(3).priority());
    }

    @Test
    public void aChannelThatReportsNoStateIsListedUnavailable() {
        ChannelRegistry registry = new ChannelRegistry();
        registry.add(new Reporting(() -> null), Map.of(Channel.NAME, "silent", Channel.MEDIUM, "SMS"));
        assertEquals(ChannelState.unavailable("reports no state"), registry.channels().get(0).state());
    }

    @Test
    public void aNamelessChannelIsNamedAfterItsClass() {
        ChannelRegistry registry = new ChannelRegistry();
        registry.add(new Reporting(() -> ChannelState.AVAILABLE), Map.of());
        ChannelSummary nameless = registry.channels().get(0);
        assertEquals("Reporting", nameless.name());
        assertEquals(List.of(), nameless.media());
        assertEquals(0, nameless.priority());
    }

    @Test
    public void theListingFollowsChannelsComingAndGoing() {
        ChannelRegistry registry = new ChannelRegistry();
        Channel smtp = new Named();
        Channel devbox = new Named();
        registry.add(smtp, Map.of(Channel.NAME, "smtp-main", Channel.MEDIUM, "EMAIL", Channel.PRIORITY, 10));
        registry.add(devbox, Map.of(Channel.NAME, "devbox", Channel.MEDIUM, "EMAIL", Channel.PRIORITY, -1000));
        assertEquals(List.of("smtp-main", "devbox"), registry.channels().stream().map(ChannelSummary::name).toList());

        registry.remove(devbox);
        registry.add(devbox, Map.of(Channel.NAME, "devbox", Channel.MEDIUM, "EMAIL", Channel.PRIORITY, 50));
        assertEquals(List.of("devbox", "smtp-main"), registry.channels().stream().map(ChannelSummary::name).toList());
        registry.remove(smtp);
        assertEquals(List.of("devbox"), registry.channels().stream().map(ChannelSummary::name).toList());
    }
}
