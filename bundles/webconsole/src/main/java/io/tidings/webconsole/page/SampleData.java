package io.tidings.webconsole.page;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidings.api.ValidationException;

/**
 * The sample data of a preview: the event's {@code data} as JSON
 * ({@code {"contact_information": {"name": "Олена"}}}, as a host posts it and as the editor prefills
 * it), or one value a line as the tags name it: {@code contact_information.name = Олена}, which makes
 * the same nested entities. The template engine formats each value by its tag's type, so
 * {@code order.total = 1250.50} shows as an amount.
 */
final class SampleData {

    static final String FIELD = "data";

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+");

    private SampleData() {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** @throws ValidationException naming the line (and for JSON the column) of a malformed entry */
    static Map<String, Object> parse(String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (text == null) {
            return data;
        }
        if (text.strip().startsWith("{")) {
            return json(text);
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

    /** The event's data as JSON: an object of entities. */
    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ValidationException(FIELD, "is not a JSON object of entities: " + e.getOriginalMessage(),
                    at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()));
        }
    }

    /** Data as the editor's sample field shows it: indented JSON. */
    static String write(Map<String, Object> data) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sample data could not be written as JSON", e);
        }
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
