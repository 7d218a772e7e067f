package io.tidings.rest.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.tidings.api.ValidationException;

/**
 * Converts free-form event data from JSON to the plain Java values the engine works with:
 * maps, lists, strings, booleans, integers (Integer, Long or BigInteger by size) and BigDecimal.
 * A number beyond {@link #MAX_DIGITS} digits or decimal places is refused by its path: no amount,
 * count or identifier needs it, and {@code 1e999999999} written out is a billion digits.
 */
public final class DataValues {

    /** Significant digits, and decimal places either way ({@code |scale|}), a number may have. */
    public static final int MAX_DIGITS = 100;

    private DataValues() {
    }

    public static Map<String, Object> toMap(JsonNode object) {
        return toMap(object, "");
    }

    /** @param path the object's own name in errors ({@code data}); members are named {@code data.order.total} */
    public static Map<String, Object> toMap(JsonNode object, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            map.put(member.getKey(), toJava(member.getValue(), name));
        }
        return map;
    }

    public static Object toJava(JsonNode node) {
        return toJava(node, "value");
    }

    private static Object toJava(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toMap(node, path);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(toJava(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            // Jackson reads at most 1,000 characters of a number: writing it out to count is cheap
            if (node.bigIntegerValue().abs().toString().length() > MAX_DIGITS) {
                throw tooLarge(path, "an integer of more than " + MAX_DIGITS + " digits");
            }
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.precision() > MAX_DIGITS) {
                throw tooLarge(path, "a number of " + value.precision() + " significant digits");
            }
            if (Math.abs((long) value.scale()) > MAX_DIGITS) {
                throw tooLarge(path, value.scale() < 0 ? "a number of " + ((long) value.precision() - value.scale())
                        + " digits before the decimal point" : "a number of " + value.scale() + " decimal places");
            }
            return value;
        }
        return node.asText();
    }

    private static ValidationException tooLarge(String path, String what) {
        return new ValidationException(path, "is " + what + "; numbers may have at most " + MAX_DIGITS
                + " digits and " + MAX_DIGITS + " decimal places (send such a value as a string)");
    }
}
