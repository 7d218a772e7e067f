package io.tidings.rest.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code {"error","field","line","column"}}; line and column only when known, errorId only for 500. */
public final class ErrorJson {

    private ErrorJson() {
    }

    public static ObjectNode write(String message, String field, int line, int column) {
        ObjectNode json = JsonCodec.object();
        json.put("error", message);
        json.put("field", field);
        if (line > 0) {
            json.put("line", line);
            json.put("column", column);
        }
        return json;
    }

    public static ObjectNode internal(String errorId) {
        ObjectNode json = write("internal error; quote error id " + errorId + " to the operator", null, 0, 0);
        json.put("errorId", errorId);
        return json;
    }
}
