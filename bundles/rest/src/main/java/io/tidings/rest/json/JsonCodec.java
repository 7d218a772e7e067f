package io.tidings.rest.json;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.ValidationException;
import io.tidings.rest.route.ApiException;

/**
 * Reads request bodies into trees and writes response trees. Mapping to and from the api records
 * is explicit (the {@code *Json} classes), so the wire names never follow a Java rename.
 */
public final class JsonCodec {

    public static final String MEDIA_TYPE = "application/json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // A repeated key is almost always a client bug; silently keeping the last one hides it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Money in event data must keep its exact decimal digits, trailing zeros included.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonCodec() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Parses a request body that must be JSON.
     *
     * @throws ApiException        415 when the content type is not JSON or its charset is unknown
     * @throws ValidationException field {@code body} with the line and column of malformed JSON
     */
    public static JsonNode parse(String contentType, byte[] body) {
        Charset charset = requireJson(contentType);
        try {
            JsonNode tree = charset == null ? MAPPER.readTree(body) : MAPPER.readTree(new String(body, charset));
            if (tree == null || tree.isMissingNode()) {
                throw new ValidationException("body", "is empty; a JSON object is required");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            throw new ValidationException("body", "is not valid JSON: " + e.getOriginalMessage(), line, column);
        } catch (IOException e) {
            throw new ValidationException("body", "could not be read: " + e.getMessage());
        }
    }

    /** A Java value (a map of event data, a contact snapshot) as JSON. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static byte[] write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            // A tree built from nodes always serialises; this would be a Jackson defect.
            throw new IllegalStateException("cannot serialise a response", e);
        }
    }

    /** @return the declared charset, or null to let Jackson detect the UTF encoding */
    private static Charset requireJson(String contentType) {
        if (contentType == null) {
            throw new ApiException(415, "Content-Type must be " + MEDIA_TYPE);
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals(MEDIA_TYPE) && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ApiException(415, "Content-Type must be " + MEDIA_TYPE + ", was " + parts[0].trim());
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = parameter.substring("charset=".length()).replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new ApiException(415, "unsupported charset " + name);
                }
            }
        }
        return null;
    }
}
