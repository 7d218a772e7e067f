package io.tidings.rest.health;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.rest.health.Health.Status;

public class HealthEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ChannelSummary SMTP = new ChannelSummary("smtp-main", List.of("EMAIL"), 10,
            ChannelState.AVAILABLE);
    private static final ChannelSummary SMPP = new ChannelSummary("smpp-main", List.of("SMS"), 10,
            ChannelState.AVAILABLE);
    private static final ChannelSummary SMPP_DOWN = new ChannelSummary("smpp-main", List.of("SMS"), 10,
            ChannelState.unavailable("reconnecting in 8 s: connection refused"));

    private static StoreReading reached(Set<Medium> waiting) {
        return StoreReading.answered(Map.of(CommunicationStatus.QUEUED, 3L), waiting, 4);
    }

    @Test
    public void everythingAnsweringIsUpWith200() {
        Health health = HealthEvaluation.evaluate(reached(Set.of()), true, List.of(SMTP, SMPP));
        assertEquals(Status.UP, health.status());
        assertEquals(200, health.httpStatus());
        JsonNode json = health.toJson(JSON);
        assertEquals("UP", json.get("status").textValue());
        assertEquals("UP", json.at("/checks/store/status").textValue());
        assertEquals("answered in 4 ms", json.at("/checks/store/detail").textValue());
        assertEquals("UP", json.at("/checks/dispatcher/status").textValue());
        assertEquals("UP", json.at("/checks/channels/smtp-main/status").textValue());
        assertEquals("EMAIL", json.at("/checks/channels/smtp-main/media/0").textValue());
        assertEquals(1, json.at("/checks/media/SMS/channels").intValue());
    }

    @Test
    public void anUnavailableChannelDegradesAndSaysWhichAndWhy() {
        Health health = HealthEvaluation.evaluate(reached(Set.of()), true, List.of(SMTP, SMPP_DOWN));
        assertEquals(Status.DEGRADED, health.status());
        assertEquals("still 200: messages of the other channels go out", 200, health.httpStatus());
        JsonNode channel = health.toJson(JSON).at("/checks/channels/smpp-main");
        assertEquals("DOWN", channel.get("status").textValue());
        assertEquals("reconnecting in 8 s: connection refused", channel.get("detail").textValue());
    }

    @Test
    public void aMediumWithoutChannelDegradesOnlyWhileItsMessagesWait() {
        assertEquals(Set.of(Medium.SMS), HealthEvaluation.unserved(List.of(SMTP, SMPP_DOWN)));
        assertEquals(Set.of(Medium.SMS), HealthEvaluation.unserved(List.of(SMTP)));

        Health idle = HealthEvaluation.evaluate(reached(Set.of()), true, List.of(SMTP));
        assertEquals("no SMS channel, no SMS waiting", Status.UP, idle.status());

        Health waiting = HealthEvaluation.evaluate(reached(Set.of(Medium.SMS)), true, List.of(SMTP));
        assertEquals(Status.DEGRADED, waiting.status());
        JsonNode sms = waiting.toJson(JSON).at("/checks/media/SMS");
        assertEquals("DEGRADED", sms.get("status").textValue());
        assertEquals(0, sms.get("channels").intValue());
        assertEquals("UP", waiting.toJson(JSON).at("/checks/media/EMAIL/status").textValue());
    }

    @Test
    public void anUnreachableStoreIsDownWith503() {
        Health health = HealthEvaluation.evaluate(StoreReading.failed("no answer within 2000 ms", 2000), true,
                List.of(SMTP, SMPP));
        assertEquals(Status.DOWN, health.status());
        assertEquals(503, health.httpStatus());
        assertEquals("no answer within 2000 ms", health.toJson(JSON).at("/checks/store/detail").textValue());
    }

    @Test
    public void aStoppedDispatcherIsDown() {
        Health health = HealthEvaluation.evaluate(reached(Set.of()), false, List.of(SMTP, SMPP));
        assertEquals(Status.DOWN, health.status());
        assertEquals("stopped", health.toJson(JSON).at("/checks/dispatcher/detail").textValue());
    }

    @Test
    public void withoutTheEngineEverythingIsDown() {
        Health health = HealthEvaluation.evaluate(null, null, List.of());
        assertEquals(Status.DOWN, health.status());
        JsonNode json = health.toJson(JSON);
        assertEquals("DOWN", json.at("/checks/store/status").textValue());
        assertEquals("DOWN", json.at("/checks/dispatcher/status").textValue());
        assertFalse(json.at("/checks/channels").elements().hasNext());
    }
}
