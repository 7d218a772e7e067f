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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.BusinessEvent;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.itests.engine.EngineProcess;
import io.tidings.itests.engine.Engines;

/**
 * The SMTP server goes away under load and comes back: nothing that failed only transiently ends
 * FAILED, whatever the number of attempts the outage would have cost, and sending resumes within
 * seconds of the server's return.
 */
public class ProviderOutageTest {

    private GreenMail smtp;
    private Engines.Running engine;

    @After
    public void stop() {
        if (engine != null) {
            engine.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static BusinessEvent event(String id) {
        return new BusinessEvent(id, "order.ready", OffsetDateTime.now(), null, new EntityRef("order", id), Map.of(
                "order", Map.of("number", id), "contact_information", Map.of("name", "Søren Ærø",
                        "email", "soren@example.dk", "preferred_language", "uk", "consent", Map.of("email", true))));
    }

    @Test
    public void anSmtpOutageUnderLoadFailsNothingAndSendingResumesWhenTheServerIsBack() throws Exception {
        ServerSetup setup = new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(setup);
        smtp.start();
        // six attempts, as Tidings allowed before: a 10 s outage is more than their whole backoff (5 s)
        engine = Engines.start(setup.getPort(), 6);
        engine.save(new Template("outage", "Order ready", Medium.EMAIL, "uk", Map.of("uk", new TemplateContent(
                EngineProcess.SUBJECT_PREFIX + "#order.number готове", "<p>Готово</p>", null)), 0),
                new NotificationRule("outage", "Order ready", "order.ready", null, List.of(), null, List.of("outage"),
                        List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(engine.submit(event("before-" + i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.received(smtp).size() == 20);

        smtp.stop(); // the provider goes away; events keep coming for longer than the whole backoff of old
        for (int i = 0; i < 40; i++) {
            ids.add(engine.submit(event("during-" + i)));
            Thread.sleep(250);
        }
        assertTrue("nothing left while the server was away",
                ids.stream().noneMatch(id -> engine.status(id) == CommunicationStatus.FAILED));

        smtp = new GreenMail(setup);
        smtp.start();
        await("sending resumes within seconds of the server's return").atMost(Duration.ofSeconds(20))
                .until(() -> Deliveries.received(smtp).size() == 40);
        for (String id : ids) {
            assertEquals(id + ": " + engine.communication(id).statusReason(), CommunicationStatus.SENT, engine.status(id));
        }
    }
}
