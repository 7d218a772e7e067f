package io.tidings.template.velocity.tag;

import java.util.HashMap;
import java.util.Map;

/** The top-level names a template sees for one rendering. */
public final class TagContext {

    private TagContext() {
    }

    /**
     * Entities known to the catalog become {@link EntityView}s; other values are passed as they are;
     * {@code unrestricted} is always a map, so that a missing value is reported by name.
     */
    public static Map<String, Object> of(Map<String, Object> data, TagCatalog catalog) {
        Map<String, Object> root = new HashMap<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (name != null && value instanceof Map<?, ?> snapshot && catalog.hasEntity(name)) {
                root.put(name, new EntityView(name, snapshot, data, catalog));
            } else if (name != null) {
                root.put(name, value);
            }
        }
        if (!(root.get(TagCatalog.UNRESTRICTED) instanceof Map)) {
            root.put(TagCatalog.UNRESTRICTED, Map.of());
        }
        return root;
    }
}
