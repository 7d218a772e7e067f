package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.tidings.api.ValidationException;

/**
 * The sample data of a preview, one value a line as the tags name it:
 * {@code contact_information.name = Олена}. Lines make the event's nested entities
 * ({@code {"contact_information": {"name": "Олена"}}}); the template engine formats each value by
 * its tag's type, so {@code order.total = 1250.50} shows as an amount.
 */
final class SampleData {

    static final String FIELD = "data";

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+");

    private SampleData() {
    }

    /** @throws ValidationException naming the line of a malformed entry */
    static Map<String, Object> parse(String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (text == null) {
            return data;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            String path = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !PATH.matcher(path).matches()) {
                throw new ValidationException(FIELD, "expected entity.field = value, found '" + line + "'", i + 1, 1);
            }
            put(data, path, line.substring(equals + 1).strip(), i + 1);
        }
        return data;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> data, String path, String value, int line) {
        String[] names = path.split("\\.");
        Map<String, Object> entity = data;
        for (int i = 0; i < names.length - 1; i++) {
            Object inner = entity.computeIfAbsent(names[i], name -> new LinkedHashMap<String, Object>());
            if (!(inner instanceof Map)) {
                throw new ValidationException(FIELD, "'" + String.join(".", java.util.Arrays.copyOf(names, i + 1))
                        + "' has a value of its own and cannot also hold fields", line, 1);
            }
            entity = (Map<String, Object>) inner;
        }
        Object previous = entity.putIfAbsent(names[names.length - 1], value);
        if (previous != null) {
            throw new ValidationException(FIELD, "'" + path + "' is given twice"
                    + (previous instanceof Map ? " (it already holds fields)" : ""), line, 1);
        }
    }
}
