package io.tidings.rest.health;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer of {@code GET /tidings/health}: the overall status and each check's. Nothing in it
 * names a recipient or a message.
 */
record Health(Status status, Check store, Check dispatcher, Map<String, ChannelCheck> channels,
        Map<String, MediumCheck> media) {

    enum Status {
        UP, DEGRADED, DOWN
    }

    record Check(Status status, String detail) {
    }

    record ChannelCheck(Status status, List<String> media, String detail) {
    }

    /** @param channels how many available channels serve the medium */
    record MediumCheck(Status status, int channels, String detail) {
    }

    /** 200 while messages can go out (UP, DEGRADED), 503 when DOWN. */
    int httpStatus() {
        return status == Status.DOWN ? 503 : 200;
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("status", status.name());
        ObjectNode checks = root.putObject("checks");
        check(checks.putObject("store"), store.status(), store.detail());
        check(checks.putObject("dispatcher"), dispatcher.status(), dispatcher.detail());
        ObjectNode channelChecks = checks.putObject("channels");
        channels.forEach((name, c) -> {
            ObjectNode node = check(channelChecks.putObject(name), c.status(), c.detail());
            c.media().forEach(node.putArray("media")::add);
        });
        ObjectNode mediumChecks = checks.putObject("media");
        media.forEach((name, m) -> {
            ObjectNode node = mediumChecks.putObject(name);
            node.put("status", m.status().name());
            node.put("channels", m.channels());
            node.put("detail", m.detail());
        });
        return root;
    }

    private static ObjectNode check(ObjectNode node, Status status, String detail) {
        node.put("status", status.name());
        node.put("detail", detail);
        return node;
    }
}
