package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.ManualMessage;
import io.tidings.api.Medium;
import io.tidings.channel.external.ExternalChannel;

/** The dispatcher's retention sweep removes what is done with and leaves what is still to send. */
public class RetentionTest {

    private Engine engine;

    @After
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    public void theSweepRemovesSentMessagesOnceTheyAreOlderThanTheRetention() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        engine.addChannel(new ExternalChannel("sms-out", engine.store.externalOutbox(), Clock.systemUTC()), "sms-out", "SMS", 0);
        Map<String, Object> olena = Map.of("name", "Олена", "phone", "+380671234567", "consent", Map.of("sms", true));
        String sent = engine.ingest.send(new ManualMessage("r-1", Medium.SMS, olena, null, "Готово", null, null),
                Instant.now()).communicationIds().get(0);
        String later = engine.ingest.send(new ManualMessage("r-2", Medium.SMS, olena, null, "Завтра", null,
                OffsetDateTime.now().plusDays(1)), Instant.now()).communicationIds().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.communication(sent).orElseThrow().status()
                == CommunicationStatus.SENT);

        // a retention this short makes everything sent "old" at the next sweep (every 10 s)
        engine.dispatcher.retention(Duration.ofMillis(1));
        await().atMost(Duration.ofSeconds(40)).until(() -> engine.communication(sent).isEmpty());
        assertTrue("its event went with it", engine.store.outbox().event("manual:r-1").isEmpty());
        assertEquals("a scheduled message stays", CommunicationStatus.SCHEDULED,
                engine.communication(later).orElseThrow().status());
    }
}
