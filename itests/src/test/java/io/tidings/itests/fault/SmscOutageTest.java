package io.tidings.itests.fault;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.channel.smpp.Concatenation;
import io.tidings.channel.smpp.SmppChannel;
import io.tidings.channel.smpp.SmppSettings;
import io.tidings.itests.engine.Engines;
import io.tidings.testing.smsc.TestSmsc;

/**
 * The SMSC goes away twice under load and comes back on its port: the SMPP session binds again,
 * nothing that failed only transiently ends FAILED, everything arrives, and rebinding leaks no
 * threads.
 */
public class SmscOutageTest {

    private TestSmsc smsc;
    private SmppChannel channel;
    private Engines.Running engine;

    @After
    public void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (channel != null) {
            channel.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private static BusinessEvent event(String id) {
        return new BusinessEvent(id, "order.ready", OffsetDateTime.now(), null, new EntityRef("order", id), Map.of(
                "order", Map.of("number", id), "location", Map.of("country", "UA"), "contact_information",
                Map.of("name", "Тарас", "phone", "+380671234567", "preferred_language", "uk",
                        "consent", Map.of("sms", true))));
    }

    private long arrived(String prefix) {
        return smsc.received.stream().filter(r -> r.text().contains(prefix)).count();
    }

    @Test
    public void theSessionBindsAgainAfterEachOutageAndEverythingArrives() throws Exception {
        smsc = new TestSmsc();
        int port = smsc.port();
        channel = new SmppChannel("smpp-main", new SmppSettings("127.0.0.1", port, "tidings", "secret", "", "Tidings", -1,
                -1, 100, 4, SmppSettings.BindMode.TRX, Duration.ofSeconds(5), Duration.ofMillis(100),
                Duration.ofMillis(400), "UA", Concatenation.UDH, Duration.ofSeconds(5)), () -> null);
        await().atMost(Duration.ofSeconds(20)).until(() -> channel.state().available());
        // six attempts, as Tidings allowed before: each outage is longer than their whole backoff
        engine = Engines.start(channel, "smpp-main", "SMS", 6);
        engine.save(new Template("sms-ready", "Ready", Medium.SMS, "uk", Map.of("uk",
                new TemplateContent(null, null, "Замовлення #order.number готове")), 0),
                new NotificationRule("sms-ready", "Ready", "order.ready", null, List.of(), null, List.of("sms-ready"),
                        List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
        List<String> ids = new ArrayList<>();
        int[] threads = new int[3];
        for (int round = 0; round < 3; round++) {
            String prefix = "r" + round + "-";
            for (int i = 0; i < 10; i++) {
                ids.add(engine.submit(event(prefix + i)));
            }
            TestSmsc serving = smsc;
            await("round " + round + " arrives").atMost(Duration.ofSeconds(30)).until(() ->
                    serving.received.stream().filter(r -> r.text().contains(prefix)).count() == 10);
            threads[round] = Thread.activeCount();
            if (round == 2) {
                break;
            }
            smsc.close(); // the SMSC goes away while more is posted
            String during = "o" + round + "-";
            for (int i = 0; i < 20; i++) {
                ids.add(engine.submit(event(during + i)));
                Thread.sleep(300);
            }
            smsc = new TestSmsc(port);
            await("what was posted during outage " + round + " arrives once the session binds again")
                    .atMost(Duration.ofSeconds(30)).until(() -> arrived(during) == 20);
        }
        for (String id : ids) {
            assertEquals(id + ": " + engine.communication(id).statusReason(), CommunicationStatus.SENT, engine.status(id));
        }
        assertTrue("rebinding twice leaks no threads: " + java.util.Arrays.toString(threads),
                threads[2] <= threads[1] + 3);
    }
}
