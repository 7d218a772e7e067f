package io.tidings.rest.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.ValidationException;

/**
 * Reads the members of one JSON object, naming each by its full path ({@code entity.type},
 * {@code contents.uk.subject}, {@code templates[1]}) in errors. JSON null counts as absent.
 */
final class Fields {

    private final JsonNode node;
    private final String path;

    private Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The request body, which must be an object. */
    static Fields root(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "must be a JSON object");
        }
        return new Fields(body, "");
    }

    String name(String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    /** Rejects members this resource does not know, so a misspelt field is not silently dropped. */
    Fields only(String... known) {
        Set<String> allowed = Set.of(known);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String member = names.next();
            if (!allowed.contains(member)) {
                throw new ValidationException(name(member), "is not a known field; known fields: "
                        + String.join(", ", new LinkedHashSet<>(Arrays.asList(known))));
            }
        }
        return this;
    }

    JsonNode raw(String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value;
    }

    String text(String member) {
        JsonNode value = raw(member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ValidationException(name(member), "must be a string");
        }
        return value.textValue();
    }

    /** An ISO-8601 time with its offset, as events and messages carry them. */
    OffsetDateTime dateTime(String member) {
        String text = text(member);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name(member),
                    "must be ISO-8601 with an offset, e.g. 2026-11-23T09:30:00+02:00; was '" + text + "'");
        }
    }

    String requiredText(String member) {
        String value = text(member);
        if (value == null || value.isBlank()) {
            throw new ValidationException(name(member), "is required");
        }
        return value;
    }

    /** An identifier that hosts may send as a string or as an integer number. */
    String identifier(String member) {
        JsonNode value = raw(member);
        if (value != null && value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        return requiredText(member);
    }

    Boolean bool(String member) {
        JsonNode value = raw(member);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new ValidationException(name(member), "must be true or false");
        }
        return value.booleanValue();
    }

    Integer integer(String member) {
        JsonNode value = raw(member);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.bigIntegerValue().bitLength() >= 32) {
            throw new ValidationException(name(member), "must be an integer");
        }
        return value.intValue();
    }

    List<String> texts(String member) {
        JsonNode value = raw(member);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw new ValidationException(name(member), "must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new ValidationException(name(member) + "[" + i + "]", "must be a non-empty string");
            }
            result.add(item.textValue());
        }
        return result;
    }

    Fields object(String member) {
        JsonNode value = raw(member);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new ValidationException(name(member), "must be a JSON object");
        }
        return new Fields(value, name(member));
    }

    /** An array of objects, each read with its index in the name ({@code attachments[1].url}). */
    List<Fields> objects(String member) {
        JsonNode value = raw(member);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw new ValidationException(name(member), "must be an array of objects");
        }
        List<Fields> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw new ValidationException(name(member) + "[" + i + "]", "must be a JSON object");
            }
            result.add(new Fields(item, name(member) + "[" + i + "]"));
        }
        return result;
    }

    /**
     * Refuses a member whose JSON is longer than the store keeps, with 413 naming the member and the
     * limit, before anything is read from it.
     */
    void limit(String member, int maxCharacters, String what) {
        JsonNode value = node.get(member);
        if (value == null) {
            return;
        }
        int length = value.toString().length();
        if (length > maxCharacters) {
            throw new io.tidings.rest.route.ApiException(413, name(member) + " holds " + length
                    + " characters of JSON; " + what + " holds at most " + maxCharacters, name(member), Map.of());
        }
    }

    /**
     * Refuses members whose JSON together is longer than {@code maxCharacters}, with 413 naming them
     * and the limit: for values the store keeps in one column although the caller sends them apart.
     */
    void limitTogether(int maxCharacters, String what, String... members) {
        long length = 0;
        for (String member : members) {
            JsonNode value = node.get(member);
            length += value == null ? 0 : value.toString().length();
        }
        if (length > maxCharacters) {
            String names = String.join(", ", java.util.Arrays.stream(members).map(this::name).toList());
            throw new io.tidings.rest.route.ApiException(413, names + " hold " + length + " characters of JSON "
                    + "together; " + what + " holds at most " + maxCharacters, name(members[members.length - 1]),
                    Map.of());
        }
    }

    Map<String, Object> map(String member) {
        Fields object = object(member);
        return object == null ? null : DataValues.toMap(object.node, object.path);
    }

    <E extends Enum<E>> E enumValue(String member, Class<E> type) {
        String value = text(member);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name(member), "must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", was '" + value + "'");
        }
    }

    /**
     * A medium name: {@code EMAIL}, {@code SMS}, {@code WEBHOOK} or any a channel declares, declared
     * now or not (its bundle may come later); null when absent.
     */
    io.tidings.api.Medium medium(String member) {
        String value = text(member);
        if (value == null) {
            return null;
        }
        try {
            return io.tidings.api.Medium.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name(member), e.getMessage());
        }
    }

    Iterator<Map.Entry<String, JsonNode>> members() {
        return node.fields();
    }
}
