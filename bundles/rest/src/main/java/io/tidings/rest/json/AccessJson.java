package io.tidings.rest.json;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.access.ApiKey;
import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.IssuedApiKey;

/**
 * {@code POST /api-keys} {@code {"name","roles","unit"}}; a key {@code {"id","name","roles","unit",
 * "created","lastUsed"}} (with {@code "token"} only when just issued); an audit entry
 * {@code {"at","actor","action","object":{"type","key"},"detail"}}; a unit {@code {"key","name","parent"}}.
 */
public final class AccessJson {

    /** What {@code POST /api-keys} asks for. */
    public record KeyRequest(String name, List<String> roles, String unit) {
    }

    private AccessJson() {
    }

    public static KeyRequest readKeyRequest(JsonNode body) {
        Fields f = Fields.root(body).only("name", "roles", "unit");
        return new KeyRequest(f.requiredText("name"), f.texts("roles"), f.text("unit"));
    }

    /** A unit {@code {"key","name","parent"}}; {@code key} may be left out where the path names it. */
    public static io.tidings.api.access.Unit readUnit(JsonNode body) {
        Fields f = Fields.root(body).only("key", "name", "parent");
        return new io.tidings.api.access.Unit(TemplateJson.blankToNull(f.text("key")), f.text("name"),
                TemplateJson.blankToNull(f.text("parent")));
    }

    public static ObjectNode write(io.tidings.api.access.Unit unit) {
        ObjectNode json = JsonCodec.object();
        json.put("key", unit.key());
        json.put("name", unit.name());
        json.put("parent", unit.parent());
        return json;
    }

    public static ObjectNode write(ApiKey key) {
        ObjectNode json = JsonCodec.object();
        json.put("id", key.id());
        json.put("name", key.name());
        key.roles().forEach(json.putArray("roles")::add);
        json.put("unit", key.unit());
        json.put("created", key.created().toString());
        json.put("lastUsed", key.lastUsed() == null ? null : key.lastUsed().toString());
        return json;
    }

    public static ObjectNode write(IssuedApiKey issued) {
        ObjectNode json = write(issued.key());
        json.remove("created");
        json.remove("lastUsed");
        json.put("token", issued.token());
        return json;
    }

    public static ObjectNode write(AuditEntry entry) {
        ObjectNode json = JsonCodec.object();
        json.put("at", entry.at().toString());
        json.put("actor", entry.actor());
        json.put("action", entry.action());
        json.putObject("object").put("type", entry.objectType()).put("key", entry.objectKey());
        json.put("detail", entry.detail());
        return json;
    }
}
