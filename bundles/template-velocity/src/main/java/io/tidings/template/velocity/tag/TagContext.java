package io.tidings.template.velocity.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
            } else if (TagCatalog.DIGEST.equals(name) && value instanceof Map<?, ?> digest) {
                root.put(name, digest(digest, catalog));
            } else if (name != null) {
                root.put(name, value);
            }
        }
        if (!(root.get(TagCatalog.UNRESTRICTED) instanceof Map)) {
            root.put(TagCatalog.UNRESTRICTED, Map.of());
        }
        return root;
    }

    /** Each item of a digest is an event's data: its entities are formatted as the message's own are. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> digest(Map<?, ?> digest, TagCatalog catalog) {
        Map<String, Object> view = new HashMap<>();
        digest.forEach((k, v) -> view.put(String.valueOf(k), v));
        if (digest.get("items") instanceof List<?> items) {
            List<Object> wrapped = new ArrayList<>(items.size());
            for (Object item : items) {
                wrapped.add(item instanceof Map<?, ?> data ? of((Map<String, Object>) data, catalog) : item);
            }
            view.put("items", wrapped);
        }
        return view;
    }
}
