package io.tidings.rest.json;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.ValidationException;
import io.tidings.api.queue.QueuedMessage;

/** The external queue: {@code {"limit","leaseSeconds"}} to claim, {@code {"outcome","reason"}} to acknowledge. */
public final class QueueJson {

    public record Claim(int limit, Duration lease) {
    }

    /** @param reason null when delivered */
    public record Ack(boolean delivered, String reason) {
    }

    private QueueJson() {
    }

    /** An empty body claims with the defaults: 50 messages for 300 seconds. */
    public static Claim readClaim(JsonNode body) {
        Fields f = Fields.root(body == null ? JsonCodec.object() : body).only("limit", "leaseSeconds");
        Integer limit = f.integer("limit");
        Integer lease = f.integer("leaseSeconds");
        return new Claim(limit == null ? 50 : limit, Duration.ofSeconds(lease == null ? 300 : lease));
    }

    public static Ack readAck(JsonNode body) {
        Fields f = Fields.root(body).only("outcome", "reason");
        String outcome = f.text("outcome");
        if (!"DELIVERED".equals(outcome) && !"FAILED".equals(outcome)) {
            throw new ValidationException("outcome", "must be DELIVERED or FAILED, was '" + outcome + "'");
        }
        return new Ack(outcome.equals("DELIVERED"), f.text("reason"));
    }

    public static ArrayNode write(List<QueuedMessage> messages) {
        ArrayNode array = JsonCodec.array();
        for (QueuedMessage m : messages) {
            ObjectNode json = array.addObject();
            json.put("id", m.communicationId());
            json.put("medium", m.medium());
            json.put("recipient", m.recipient());
            json.put("recipientName", m.recipientName());
            json.put("subject", m.subject());
            json.put("text", m.text());
            json.put("html", m.html());
            json.put("language", m.language());
            json.put("claimedUntil", m.claimedUntil() == null ? null : m.claimedUntil().toString());
        }
        return array;
    }
}
