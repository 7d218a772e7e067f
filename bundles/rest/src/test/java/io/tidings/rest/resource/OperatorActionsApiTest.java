package io.tidings.rest.resource;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.DispatchControl;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.rest.fixture.InMemoryNotifications;
import io.tidings.rest.json.JsonCodec;
import io.tidings.rest.route.ApiRequest;
import io.tidings.rest.route.ApiResponse;

/** The operator's actions over REST: pause and resume, retry now, resend, bulk retry of FAILED. */
public class OperatorActionsApiTest {

    private static final Set<String> ADMIN = Set.of("tidings-admin");

    private final Services services = new Services();
    private final TidingsApi api = new TidingsApi(services);
    private final InMemoryNotifications notifications = new InMemoryNotifications();

    /** What the drained channel still has in flight. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** The brakes as the engine keeps them, for the channels of the directory below. */
    private final DispatchControl control = new DispatchControl() {
        private volatile boolean paused;
        private final Set<String> channels = new TreeSet<>();
        private final Set<String> draining = new TreeSet<>();

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }

        @Override
        public boolean paused() {
            return paused;
        }

        @Override
        public boolean pauseChannel(String name) {
            return name.equals("smtp-main") && channels.add(name);
        }

        @Override
        public boolean resumeChannel(String name) {
            draining.remove(name);
            return channels.remove(name);
        }

        @Override
        public Set<String> pausedChannels() {
            return Set.copyOf(channels);
        }

        @Override
        public boolean drainChannel(String name) {
            if (!name.equals("smtp-main")) {
                return false;
            }
            channels.add(name);
            draining.add(name);
            return true;
        }

        @Override
        public Set<String> drainingChannels() {
            return Set.copyOf(draining);
        }

        @Override
        public int inFlight(String channel) {
            return draining.contains(channel) ? inFlight.get() : 0;
        }
    };

    @Before
    public void bind() {
        services.setNotifications(notifications);
        services.setAudit(new io.tidings.rest.fixture.InMemoryAudit());
        services.setDispatchControl(control);
        // retry and resend are audited: without an audit trail they answer 503
        services.setAudit(new io.tidings.rest.fixture.InMemoryAudit());
        services.setDispatcher(() -> true);
        services.setChannels(() -> List.of(new ChannelSummary("smtp-main", List.of("EMAIL"), 10, ChannelState.AVAILABLE)));
        Instant at = Instant.parse("2025-03-14T08:00:00Z");
        notifications.put(communication("sent-1", CommunicationStatus.SENT, "smtp-main", at));
        notifications.put(communication("failed-1", CommunicationStatus.FAILED, "smtp-main", at));
        notifications.put(communication("failed-2", CommunicationStatus.FAILED, "smpp-main", at));
    }

    private static Communication communication(String id, CommunicationStatus status, String channel, Instant at) {
        return new Communication(id, "evt-" + id, new EntityRef("order", "4711"), "order_ready", "order_ready", 1,
                Medium.EMAIL, channel, "olena@example.com", "uk", status, null, 1, at, at, null, null, null, null);
    }

    private ApiResponse post(String path, String body) {
        return api.handle(new ApiRequest("POST", path, Map.of(), body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "karaf", ADMIN));
    }

    private static JsonNode json(ApiResponse response) {
        return JsonCodec.parse("application/json", JsonCodec.write(response.body()));
    }

    @Test
    public void dispatchAndAChannelArePausedAndResumed() {
        JsonNode paused = json(post("/dispatch/pause", null));
        assertEquals(true, paused.get("paused").booleanValue());
        assertTrue(control.paused());
        assertEquals(false, json(post("/dispatch/resume", null)).get("paused").booleanValue());

        ApiResponse channel = post("/channels/smtp-main/pause", null);
        assertEquals(200, channel.status());
        assertEquals("smtp-main", json(api.handle(new ApiRequest("GET", "/dispatch", Map.of(), null, null, "karaf",
                ADMIN))).at("/pausedChannels/0").textValue());
        assertEquals(false, json(post("/channels/smtp-main/resume", null)).get("paused").booleanValue());
        ApiResponse unknown = post("/channels/nowhere/pause", null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().get("error").textValue().contains("no channel 'nowhere'"));
    }

    @Test
    public void aDrainedChannelIsPausedAndSaysWhetherAnythingIsInFlight() {
        inFlight.set(2);
        JsonNode draining = json(post("/channels/smtp-main/drain", null));
        assertEquals("smtp-main", draining.get("channel").textValue());
        assertEquals("DRAINING", draining.get("state").textValue());
        assertEquals(2, draining.get("inFlight").intValue());
        assertEquals(Set.of("smtp-main"), control.pausedChannels());
        inFlight.set(0);
        JsonNode drained = json(post("/channels/smtp-main/drain", null));
        assertEquals("DRAINED", drained.get("state").textValue());
        assertEquals(0, drained.get("inFlight").intValue());
        ApiResponse unknown = post("/channels/nowhere/drain", null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().get("error").textValue().contains("no channel 'nowhere'"));
        assertEquals(false, json(post("/channels/smtp-main/resume", null)).get("paused").booleanValue());
        assertEquals(Set.of(), control.drainingChannels());
    }

    @Test
    public void retryNowTakesAFailedOneAndRefusesASentOneNamingItsStatus() {
        ApiResponse retried = post("/communications/failed-1/retry", null);
        assertEquals(200, retried.status());
        assertEquals("QUEUED", json(retried).get("status").textValue());
        ApiResponse refused = post("/communications/sent-1/retry", null);
        assertEquals(409, refused.status());
        assertEquals("status", refused.body().get("field").textValue());
        assertTrue(refused.body().get("error").textValue().contains("is SENT"));
        assertEquals(404, post("/communications/none/retry", null).status());
    }

    @Test
    public void resendAnswersTheNewCommunication() {
        ApiResponse resent = post("/communications/sent-1/resend", null);
        assertEquals(201, resent.status());
        String copy = json(resent).get("id").textValue();
        assertEquals(CommunicationStatus.QUEUED, notifications.communication(copy).orElseThrow().status());
        assertEquals(CommunicationStatus.SENT, notifications.communication("sent-1").orElseThrow().status());
    }

    @Test
    public void bulkRetryTakesTheFailedOfAChannelAndNeedsACriterion() {
        ApiResponse retried = post("/communications/retry", "{\"channel\":\"smpp-main\"}");
        assertEquals(200, retried.status());
        assertEquals(1, json(retried).get("retried").intValue());
        assertEquals(CommunicationStatus.FAILED, notifications.communication("failed-1").orElseThrow().status());
        assertEquals(CommunicationStatus.QUEUED, notifications.communication("failed-2").orElseThrow().status());

        ApiResponse empty = post("/communications/retry", "{}");
        assertEquals(400, empty.status());
        assertEquals("query", empty.body().get("field").textValue());
        ApiResponse typo = post("/communications/retry", "{\"chanel\":\"smtp-main\"}");
        assertEquals(400, typo.status());
        assertEquals("chanel", typo.body().get("field").textValue());
        ApiResponse badTime = post("/communications/retry", "{\"failedFrom\":\"yesterday\"}");
        assertEquals(400, badTime.status());
        assertEquals("failedFrom", badTime.body().get("field").textValue());
    }
}
