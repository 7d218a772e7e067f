package io.tidings.itests.fault;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
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
 * The poison inputs of the trust issue, posted among normal events while traffic flows, on the
 * engine's real parts: each poison message ends FAILED with its reason, every normal one is sent,
 * and the dispatcher never stops.
 */
public class PoisonInputsTest {

    private GreenMail smtp;
    private Engines.Running engine;

    @After
    public void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static Template email(String key, String subject, String html) {
        return new Template(key, key, Medium.EMAIL, "uk", Map.of("uk", new TemplateContent(subject, html, null)), 0);
    }

    private static NotificationRule rule(String key, String event) {
        return new NotificationRule(key, key, event, null, List.of(), null, List.of(key), List.of("contact_information"),
                Purpose.TRANSACTIONAL, null, true);
    }

    private static BusinessEvent event(String id, String type, Map<String, Object> order) {
        return new BusinessEvent(id, type, OffsetDateTime.now(), null, new EntityRef("order", id), Map.of("order", order,
                "contact_information", Map.of("name", "Олена Пчілка", "email", "olena@example.com",
                        "preferred_language", "uk", "consent", Map.of("email", true))));
    }

    @Test
    public void poisonMessagesFailAloneWhileTheOthersAreSent() throws Exception {
        smtp = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        engine = Engines.start(smtp.getSmtp().getPort());
        engine.save(email("normal", EngineProcess.SUBJECT_PREFIX + "#order.number готове", "<p>Готово: #order.total</p>"),
                rule("normal", "order.ready"));
        engine.save(email("repeat", "Тема", "<p>#set($s = 'x')$s.repeat(100000000)</p>"), rule("repeat", "order.repeat"));
        engine.save(email("self", "Тема", "<p>#set($l = [])#set($ok = $l.add($l))$l</p>"), rule("self", "order.self"));
        engine.save(email("loops", "Тема", "<p>#foreach($i in $order.works)#foreach($j in $order.works)x#end#end</p>"),
                rule("loops", "order.loops"));
        engine.save(email("tag", "Тема", "<p title=" + "x".repeat(20_000) + ">Готово</p>"), rule("tag", "order.tag"));

        List<Object> works = new ArrayList<>(Collections.nCopies(10_000, "заміна екрана"));
        Map<String, String> poison = new LinkedHashMap<>();
        List<String> normal = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "ok-" + i;
            normal.add(engine.submit(event(id, "order.ready", Map.of("number", id, "total", 1250.50))));
            if (i == 3) {
                poison.put(engine.submit(event("p-number", "order.ready", Map.of("number", "p-number",
                        "total", new java.math.BigDecimal("1E+999999999")))), "#order.total");
            }
            if (i == 6) {
                poison.put(engine.submit(event("p-repeat", "order.repeat", Map.of("number", "r"))), "repeat");
            }
            if (i == 9) {
                poison.put(engine.submit(event("p-self", "order.self", Map.of("number", "s"))), "itself");
            }
            if (i == 12) {
                poison.put(engine.submit(event("p-loops", "order.loops", Map.of("number", "l", "works", works))),
                        "#foreach");
            }
            if (i == 15) {
                poison.put(engine.submit(event("p-tag", "order.tag", Map.of("number", "t"))), "");
            }
        }
        await("every normal message is sent").atMost(Duration.ofSeconds(60))
                .until(() -> normal.stream().allMatch(id -> engine.status(id) == CommunicationStatus.SENT));
        for (Map.Entry<String, String> p : poison.entrySet()) {
            String id = p.getKey();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> engine.status(id).isFinal()
                        || engine.status(id) == CommunicationStatus.SENT);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                Communication stuck = engine.communication(id);
                throw new AssertionError(p.getValue() + " poison still " + stuck.status() + ": " + stuck.statusReason(), e);
            }
            Communication c = engine.communication(id);
            if (p.getValue().isEmpty()) {
                // a tag of 20,000 characters is HTML a mail client can show: it is sent, not a poison any more
                assertEquals(c.statusReason(), CommunicationStatus.SENT, c.status());
                continue;
            }
            assertEquals(id + ": " + c.statusReason(), CommunicationStatus.FAILED, c.status());
            assertTrue(id + ": " + c.statusReason(), c.statusReason().startsWith("cannot render: ")
                    && c.statusReason().contains(p.getValue()));
        }
        // and the dispatcher still sends
        String after = engine.submit(event("ok-after", "order.ready", Map.of("number", "ok-after", "total", 10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.status(after) == CommunicationStatus.SENT);
        assertEquals(21, Deliveries.received(smtp).size());
    }
}
