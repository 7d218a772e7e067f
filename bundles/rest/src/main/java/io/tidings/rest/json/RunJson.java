package io.tidings.rest.json;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Purpose;
import io.tidings.api.run.NotificationRun;
import io.tidings.api.run.RunReport;

/**
 * Notification runs: {@code {"key","name","purpose","sendAt"}} to open one, {@code "run":{"key","name"}}
 * beside a batch's events, and the run's record and report.
 */
public final class RunJson {

    private RunJson() {
    }

    /** What {@code POST /runs} asks for. */
    public record Opening(String key, String name, Purpose purpose, java.time.Instant sendAt) {
    }

    /** What a batch's {@code "run"} names. */
    public record Member(String key, String name) {
    }

    public static Opening readOpening(JsonNode body) {
        Fields f = Fields.root(body).only("key", "name", "purpose", "sendAt");
        java.time.OffsetDateTime sendAt = f.dateTime("sendAt");
        return new Opening(f.requiredText("key"), f.text("name"), f.enumValue("purpose", Purpose.class),
                sendAt == null ? null : sendAt.toInstant());
    }

    /** The {@code "run"} of a batch; null when the batch names none. */
    public static Member readMember(JsonNode body) {
        Fields run = Fields.root(body).object("run");
        if (run == null) {
            return null;
        }
        Fields f = run.only("key", "name");
        return new Member(f.requiredText("key"), f.text("name"));
    }

    public static ObjectNode write(NotificationRun run) {
        ObjectNode json = JsonCodec.object();
        json.put("key", run.key());
        json.put("name", run.name());
        json.put("purpose", run.purpose() == null ? null : run.purpose().name());
        json.put("sendAt", CommunicationJson.time(run.sendAt()));
        json.put("createdAt", CommunicationJson.time(run.createdAt()));
        json.put("createdBy", run.createdBy());
        json.put("closedAt", CommunicationJson.time(run.closedAt()));
        json.put("cancelledAt", CommunicationJson.time(run.cancelledAt()));
        json.put("state", run.cancelledAt() != null ? "CANCELLED" : run.closedAt() != null ? "CLOSED" : "OPEN");
        return json;
    }

    /**
     * {@code {"key","name","purpose","createdAt","createdBy","closedAt","events","communications":{…},
     * "reasons":{…},"engagement":{"sent","opened","clicked","optedOut","bounced"},"byLanguage":{…},"byChannel":{…}}}.
     */
    public static ObjectNode write(RunReport report) {
        ObjectNode json = write(report.run());
        json.put("events", report.events());
        counts(json.putObject("communications"), report.communications());
        ObjectNode reasons = json.putObject("reasons");
        report.reasons().forEach(reasons::put);
        ObjectNode engagement = json.putObject("engagement");
        engagement.put("sent", report.engagement().sent());
        engagement.put("opened", report.engagement().opened());
        engagement.put("clicked", report.engagement().clicked());
        engagement.put("optedOut", report.engagement().optedOut());
        engagement.put("bounced", report.engagement().bounced());
        ObjectNode byLanguage = json.putObject("byLanguage");
        report.byLanguage().forEach((language, counts) -> counts(byLanguage.putObject(language), counts));
        ObjectNode byChannel = json.putObject("byChannel");
        report.byChannel().forEach((channel, counts) -> counts(byChannel.putObject(channel), counts));
        return json;
    }

    private static void counts(ObjectNode json, Map<CommunicationStatus, Long> counts) {
        counts.forEach((status, n) -> json.put(status.name(), n));
    }
}
