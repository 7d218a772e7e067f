package io.tidings.rest.json;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.Erasure;
import io.tidings.api.Purpose;
import io.tidings.api.ValidationException;

/** {@code {"address","purpose","choice":"OPT_IN"|"OPT_OUT"}}: a consent choice an administrator records. */
public final class ConsentJson {

    /** @param optIn true for OPT_IN, false for OPT_OUT */
    public record Choice(String address, Purpose purpose, boolean optIn) {
    }

    private ConsentJson() {
    }

    /** {@code {"address"}}: whom to erase. */
    public static String readErasure(JsonNode body) {
        return Fields.root(body).only("address").requiredText("address").strip();
    }

    /** What an erasure removed. */
    public static ObjectNode erasure(Erasure erased) {
        ObjectNode json = JsonCodec.object();
        json.put("address", erased.address());
        json.put("communications", erased.communications());
        json.put("events", erased.events());
        json.put("linkResponses", erased.linkResponses());
        json.put("optIns", erased.optIns());
        json.put("optOutsKept", erased.optOutsKept());
        return json;
    }

    public static Choice readChoice(JsonNode body) {
        Fields f = Fields.root(body).only("address", "purpose", "choice");
        String address = f.requiredText("address");
        Purpose purpose = f.enumValue("purpose", Purpose.class);
        if (purpose == null) {
            throw new ValidationException("purpose", "is required");
        }
        String choice = f.requiredText("choice").strip().toUpperCase(Locale.ROOT);
        if (!choice.equals("OPT_IN") && !choice.equals("OPT_OUT")) {
            throw new ValidationException("choice", "must be OPT_IN or OPT_OUT, was '" + choice + "'");
        }
        return new Choice(address, purpose, choice.equals("OPT_IN"));
    }
}
