package io.tidings.channel.devbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;

import io.tidings.api.Medium;
import io.tidings.api.channel.MessageArchive.Entry;
import io.tidings.api.channel.OutboundMessage;

public class DevboxArchiveTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:15:00Z");

    private final DevboxArchive archive = new DevboxArchive("devbox", Clock.fixed(NOW, ZoneOffset.UTC), 3);

    @Test
    public void keepsMessagesNewestFirstWithTheirChannelAndTime() {
        archive.keep(sms("c-1", "Ваше замовлення D-7 готове."));
        archive.keep(sms("c-2", "Påmindelse: din booking i morgen kl. 13:00."));
        List<Entry> kept = archive.messages(10);
        assertEquals(2, kept.size());
        assertEquals("c-2", kept.get(0).message().communicationId());
        assertEquals("Påmindelse: din booking i morgen kl. 13:00.", kept.get(0).message().text());
        assertEquals("c-1", kept.get(1).message().communicationId());
        assertEquals("devbox", kept.get(0).channel());
        assertEquals(NOW, kept.get(0).receivedAt());
    }

    @Test
    public void forgetsTheOldestBeyondItsCapacity() {
        for (int i = 1; i <= 5; i++) {
            archive.keep(sms("c-" + i, "Votre appareil est prêt ; à bientôt ! " + i));
        }
        List<Entry> kept = archive.messages(10);
        assertEquals(List.of("c-5", "c-4", "c-3"), kept.stream().map(e -> e.message().communicationId()).toList());
    }

    @Test
    public void aSmallerCapacityForgetsAtOnce() {
        for (int i = 1; i <= 3; i++) {
            archive.keep(sms("c-" + i, "text " + i));
        }
        archive.capacity(1);
        assertEquals("c-3", archive.messages(10).get(0).message().communicationId());
        assertEquals(1, archive.messages(10).size());
    }

    @Test
    public void theLimitCapsTheAnswer() {
        for (int i = 1; i <= 3; i++) {
            archive.keep(sms("c-" + i, "text " + i));
        }
        assertEquals(2, archive.messages(2).size());
        assertEquals("c-3", archive.messages(1).get(0).message().communicationId());
        assertTrue(archive.messages(0).isEmpty());
    }

    @Test
    public void clearForgetsEverything() {
        archive.keep(sms("c-1", "text"));
        archive.clear();
        assertTrue(archive.messages(10).isEmpty());
    }

    @Test
    public void badNumbersAreRefusedNamingTheField() {
        expect("limit:", () -> archive.messages(-1));
        expect("capacity:", () -> archive.capacity(0));
        expect("capacity:", () -> new DevboxArchive("devbox", Clock.systemUTC(), -5));
    }

    static OutboundMessage sms(String id, String text) {
        return new OutboundMessage(id, Medium.SMS, "+4512345678", "Søren Ærø", null, text, null, "da", 1);
    }

    private static void expect(String prefix, Runnable action) {
        try {
            action.run();
            fail("expected a refusal starting with " + prefix);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(prefix));
        }
    }
}
