package io.tidings.itests.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.core.dispatch.Dispatcher;

/**
 * A receipt can reach the engine before the engine has written the SENT of its own message, and a
 * gateway reuses its message ids (after its own restart, or when they wrap). The receipt must
 * still close the message it belongs to, and never an older one that carried the same id.
 */
public class ReceiptOrderingTest {

    private Engine engine;

    @After
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * Numbers every message "1003", as a gateway does that restarted between two sends, and can
     * report the receipt the moment it has answered the send (as an SMSC's receipt may overtake
     * the engine's write).
     */
    private static final class ReusingGateway implements Channel {
        volatile Dispatcher receipts;
        final CompletableFuture<Boolean> recognised = new CompletableFuture<>();

        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            CompletableFuture<SendResult> result = new CompletableFuture<>();
            new Thread(() -> {
                result.complete(SendResult.sent("1003"));
                Dispatcher feedback = receipts;
                if (feedback != null) {
                    recognised.complete(feedback.feedback("gw", "1003", CommunicationStatus.DELIVERED, null));
                }
            }, "gateway").start();
            return result;
        }

        @Override
        public ChannelCapabilities capabilities() {
            return new ChannelCapabilities(false, false, true);
        }
    }

    @Test
    public void anOvertakingReceiptWithAReusedIdClosesItsOwnMessageOnly() throws Exception {
        engine = new Engine(Engine.settings(3, Duration.ofMillis(100)));
        ReusingGateway gateway = new ReusingGateway();
        engine.addChannel(gateway, "gw", "SMS", 10);
        engine.save(new Template("ready", "Ready", Medium.SMS, "uk", Map.of("uk",
                new TemplateContent(null, null, "Замовлення #order.number готове")), 0));
        engine.save(new NotificationRule("ready", "Ready", "order.ready", null, List.of(), null, List.of("ready"),
                List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));

        // the first message never gets its receipt (the gateway went down with it)
        String first = submit("evt-1", "U-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(first) == CommunicationStatus.SENT);

        gateway.receipts = engine.dispatcher;
        String second = submit("evt-2", "U-2");
        assertTrue("the receipt finds its message at once", gateway.recognised.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(CommunicationStatus.DELIVERED, status(second));
        assertEquals("1003", engine.communication(second).orElseThrow().providerMessageId());
        assertEquals("the older message with the same id is left alone", CommunicationStatus.SENT, status(first));
    }

    private String submit(String eventId, String order) {
        return engine.ingest.submit(new BusinessEvent(eventId, "order.ready",
                OffsetDateTime.parse("2026-11-23T10:00:00+02:00"), null, new EntityRef("order", order),
                Map.of("order", Map.of("number", order), "contact_information", Map.of("name", "Тарас",
                        "phone", "+380671234567", "preferred_language", "uk", "consent", Map.of("sms", true)))))
                .communicationIds().get(0);
    }

    private CommunicationStatus status(String id) {
        return engine.communication(id).orElseThrow().status();
    }
}
