package io.tidings.rest.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.tag.EntityDescriptor;
import io.tidings.api.tag.FieldDescriptor;

/**
 * {@code {"entity","description","fields":[{"name","type","description","tag"}],"relations":{"field":"entity"}}}:
 * what the editor's autocomplete offers after {@code #}.
 */
public final class TagJson {

    private TagJson() {
    }

    public static ObjectNode write(EntityDescriptor entity) {
        ObjectNode json = JsonCodec.object();
        json.put("entity", entity.entity());
        json.put("description", entity.description());
        ArrayNode fields = json.putArray("fields");
        for (FieldDescriptor field : entity.fields()) {
            ObjectNode f = fields.addObject();
            f.put("name", field.name());
            f.put("type", field.type() == null ? null : field.type().name());
            f.put("description", field.description());
            f.put("tag", "#" + entity.entity() + "." + field.name());
        }
        ObjectNode relations = json.putObject("relations");
        entity.relations().forEach(relations::put);
        return json;
    }
}
