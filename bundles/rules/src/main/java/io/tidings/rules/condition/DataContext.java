package io.tidings.rules.condition;

import java.util.Map;

import org.apache.commons.jexl3.JexlContext;

/** The event data as read-only JEXL variables: each top-level key is a variable, a missing one is null. */
final class DataContext implements JexlContext {

    private final Map<String, Object> data;

    DataContext(Map<String, Object> data) {
        this.data = data;
    }

    @Override
    public Object get(String name) {
        return data.get(name);
    }

    @Override
    public boolean has(String name) {
        return data.containsKey(name);
    }

    @Override
    public void set(String name, Object value) {
        throw new UnsupportedOperationException("conditions cannot assign variables");
    }
}
