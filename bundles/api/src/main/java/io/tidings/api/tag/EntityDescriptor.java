package io.tidings.api.tag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity as the installed tag providers describe it: what the editor's autocomplete offers
 * after {@code #}.
 *
 * @param entity      the first segment of its tags, e.g. {@code payment}
 * @param description shown to administrators
 * @param fields      its fields, in the providers' order
 * @param relations   related entities by field name ({@code accounts_receivable} → {@code accounts_receivable})
 */
public record EntityDescriptor(String entity, String description, List<FieldDescriptor> fields,
        Map<String, String> relations) {

    public EntityDescriptor {
        fields = fields == null ? List.of() : List.copyOf(fields);
        relations = relations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(relations));
    }
}
