package io.tidings.template.velocity.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.tidings.api.ValidationException;

/**
 * The payload of a structured medium (WEBHOOK): values are inserted JSON-escaped, and what a
 * template renders must be one JSON value.
 */
public final class JsonPayload {

    /**
     * What every value renders as while a payload template is checked without data: valid both inside
     * a JSON string and as a bare number, so only the template's own text decides validity.
     */
    public static final String PLACEHOLDER = "0";

    private static final JsonFactory JSON = new JsonFactory();

    private JsonPayload() {
    }

    /** The text escaped for a JSON string (without the quotes: the template writes them). */
    public static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /**
     * @param field  the template part ({@code contents.en.text}), named in the error
     * @param output what the part rendered
     * @throws ValidationException naming the field and the line and column of the rendered payload
     *                             where the JSON breaks
     */
    public static void requireJson(String field, String output) {
        if (output == null || output.isBlank()) {
            throw new ValidationException(field, "renders an empty payload: a structured medium needs one JSON value");
        }
        try (JsonParser parser = JSON.createParser(output)) {
            if (parser.nextToken() == null) {
                throw new ValidationException(field, "renders an empty payload: a structured medium needs one JSON value");
            }
            parser.skipChildren();
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new ValidationException(field, "renders more than one JSON value: a structured medium needs one",
                        parser.currentTokenLocation().getLineNr(), parser.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new ValidationException(field, "does not render valid JSON (at the rendered payload's line " + line
                    + "): " + e.getOriginalMessage(), line, column);
        } catch (IOException e) {
            throw new ValidationException(field, "could not be read as JSON: " + e.getMessage());
        }
    }
}
