package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * {@code GET /tidings/health} as a load balancer calls it, without a login, and the Prometheus
 * scrape as monitoring calls it, with the admin login.
 */
public class HealthIT extends TidingsTestSupport {

    private HealthCall health() throws IOException, InterruptedException {
        return HealthCall.get(httpUrl("/tidings/health"));
    }

    /** A channel that says it cannot take messages, as an SMPP channel says while its gateway refuses. */
    private static final class RefusedChannel implements Channel {
        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            return CompletableFuture.failedFuture(new IllegalStateException("not bound"));
        }

        @Override
        public ChannelCapabilities capabilities() {
            return ChannelCapabilities.TEXT;
        }

        @Override
        public ChannelState state() {
            return ChannelState.unavailable("reconnecting in 8 s: connection refused");
        }
    }

    @Test
    public void healthIsUpWithoutLoginDegradedNamingAnUnavailableChannelAndUpAgain() throws Exception {
        awaitApi();
        HealthCall up = await().until(this::health, a -> a.status() == 200 && "UP".equals(a.body().get("status").asText()));
        assertEquals("UP", up.body().at("/checks/store/status").asText());
        assertEquals("UP", up.body().at("/checks/dispatcher/status").asText());
        assertEquals("UP", up.body().at("/checks/channels/devbox/status").asText());

        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Channel.NAME, "smpp-refused");
        props.put(Channel.MEDIUM, "SMS");
        props.put(Channel.PRIORITY, 10);
        ServiceRegistration<Channel> refused = context.registerService(Channel.class, new RefusedChannel(), props);
        try {
            HealthCall degraded = await().until(this::health, a -> "DEGRADED".equals(a.body().get("status").asText()));
            assertEquals("DEGRADED still answers 200", 200, degraded.status());
            JsonNode channel = degraded.body().at("/checks/channels/smpp-refused");
            assertEquals("DOWN", channel.get("status").asText());
            assertEquals("reconnecting in 8 s: connection refused", channel.get("detail").asText());
            assertEquals("SMS", channel.at("/media/0").asText());
            assertEquals("the devbox still serves", "UP", degraded.body().at("/checks/channels/devbox/status").asText());
        } finally {
            refused.unregister();
        }
        await().until(this::health, a -> a.status() == 200 && "UP".equals(a.body().get("status").asText()));
    }

    @Test
    public void emailWaitingWithoutAChannelDegradesTheMediumUntilTheDevboxIsBack() throws Exception {
        awaitApi();
        setDevbox(false);
        try {
            await().until(() -> channel("devbox") == null);
            Api api = api();
            Api.Response template = api.put("/templates/health-ready", Api.json("{'key':'health-ready','name':'Ready',"
                    + "'medium':'EMAIL','defaultLanguage':'uk','contents':{'uk':{'subject':'Замовлення #order.number готове',"
                    + "'text':'Вітаємо, #contact_information.name!'}}}"));
            assertTrue(template.raw(), template.status() == 201 || template.status() == 200);
            Api.Response rule = api.put("/rules/health-ready", Api.json("{'key':'health-ready','name':'Ready',"
                    + "'event':'order.health_ready','templates':['health-ready'],'recipients':['contact_information']}"));
            assertTrue(rule.raw(), rule.status() == 201 || rule.status() == 200);
            Api.Response posted = api.post("/events", Api.json("{'id':'" + unique("health-evt") + "',"
                    + "'type':'order.health_ready','occurredAt':'2026-11-23T10:00:00+02:00','entity':{'type':'order',"
                    + "'id':'77'},'data':{'order':{'number':'77'},'contact_information':{'name':'Олена',"
                    + "'email':'olena@example.com','preferred_language':'uk','consent':{'email':true}}}}"));
            assertEquals(posted.raw(), 202, posted.status());
            String id = posted.body().get("communications").get(0).asText();
            awaitStatus(id, Duration.ofSeconds(60), "QUEUED");

            HealthCall degraded = await().until(this::health, a -> "DEGRADED".equals(a.body().get("status").asText()));
            assertEquals(200, degraded.status());
            JsonNode email = degraded.body().at("/checks/media/EMAIL");
            assertEquals(degraded.body().toString(), "DEGRADED", email.get("status").asText());
            assertEquals(0, email.get("channels").asInt());

            setDevbox(true);
            awaitStatus(id, Duration.ofSeconds(60), "SENT");
        } finally {
            setDevbox(true);
        }
        await().until(this::health, a -> a.status() == 200 && "UP".equals(a.body().get("status").asText()));
    }

    @Test
    public void prometheusScrapeNeedsTheAdminLoginAndCarriesTheQueueGauges() {
        awaitApi();
        Api.Response scrape = api().get("/metrics/prometheus");
        assertEquals(scrape.raw(), 200, scrape.status());
        String text = scrape.raw();
        assertTrue(text, text.contains("# TYPE tidings_communications gauge\n"));
        assertTrue(text, text.contains("tidings_communications{status=\"QUEUED\"} "));
        assertTrue(text, text.contains("tidings_store_up 1\n"));
        assertTrue(text, text.contains("tidings_dispatcher_up 1\n"));
        assertTrue(text, text.contains("tidings_channel_up{channel=\"devbox\",medium=\"EMAIL\"} 1\n"));
        assertEquals(401, api(null, null).get("/metrics/prometheus").status());
    }
}
