package io.tidings.core.dispatch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
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
    public void ignoresMediaItDoesNotKnow() {
        ChannelRegistry registry = new ChannelRegistry();
        List<Medium> media = registry.add(new Named(), Map.of(Channel.MEDIUM, "PIGEON,sms"));
        assertEquals(List.of(Medium.SMS), media);
    }
}
