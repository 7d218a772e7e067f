package io.tidings.template.velocity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.velocity.Template;

/**
 * Parsed parts by (template key, version, language, part), so a message is rendered without parsing
 * its template again. A parsed Velocity template is safe to merge from several threads. The entry
 * also keeps the source it was parsed from: an unsaved template (a preview) may reuse a key and
 * version with other text, and must not get the stale parse.
 */
final class ParsedTemplateCache {

    record Key(String template, int version, String language, String part) {
    }

    private record Entry(String source, Template parsed) {
    }

    private final Map<Key, Entry> entries;

    ParsedTemplateCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    Template get(Key key, String source, Supplier<Template> parse) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && entry.source().equals(source)) {
                return entry.parsed();
            }
        }
        // parse outside the lock: two threads may both parse a new part, which is harmless
        Template parsed = parse.get();
        synchronized (entries) {
            entries.put(key, new Entry(source, parsed));
        }
        return parsed;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
