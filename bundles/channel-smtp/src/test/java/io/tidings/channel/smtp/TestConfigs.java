package io.tidings.channel.smtp;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A configuration annotation backed by a map, as Declarative Services builds it: keys follow the
 * DS name mapping ({@code channel_priority} → {@code channel.priority}), missing keys take the
 * annotation's defaults.
 */
final class TestConfigs {

    private TestConfigs() {
    }

    static <A> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    return type.getSimpleName() + values.keySet();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "annotationType":
                    return type;
                default:
                    Object value = values.get(key(method.getName()));
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    if (method.getReturnType() == int.class && value instanceof String s) {
                        return Integer.valueOf(s.trim());
                    }
                    if (method.getReturnType() == boolean.class && value instanceof String s) {
                        return Boolean.valueOf(s.trim());
                    }
                    return value;
            }
        }));
    }

    private static String key(String methodName) {
        return methodName.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }
}
