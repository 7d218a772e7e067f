package io.tidings.rest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionScope;

/** {@code {"address","reason","scope"}}: an entry of the suppression list (scope ALL unless given). */
public final class SuppressionJson {

    /** What an administrator asks to suppress. */
    public record Entry(String address, SuppressionScope scope, String reason) {
    }

    private SuppressionJson() {
    }

    public static Entry read(JsonNode body) {
        Fields f = Fields.root(body).only("address", "reason", "scope");
        String address = f.requiredText("address");
        String reason = f.requiredText("reason");
        return new Entry(address, SuppressionScope.parse(f.text("scope"), f.name("scope"), SuppressionScope.ALL),
                reason);
    }

    public static ObjectNode write(Suppression s) {
        ObjectNode json = JsonCodec.object();
        json.put("address", s.address());
        json.put("scope", s.scope().name());
        json.put("reason", s.reason());
        json.put("at", s.at().toString());
        return json;
    }
}
