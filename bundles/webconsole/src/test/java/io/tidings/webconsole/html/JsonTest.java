package io.tidings.webconsole.html;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class JsonTest {

    @Test
    public void writesValuesSafeInAScriptElementAndAsMarkup() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "Олена \"</script>\" ${x} {}");
        value.put("parts", 2);
        value.put("tags", List.of("#order.number"));
        value.put("relations", Map.of());
        String json = Json.write(value);
        assertEquals("{\"name\":\"Олена \\\"\\u003c/script\\u003e\\\" \\u0024\\u007bx\\u007d \\u007b\\u007d\","
                + "\"parts\":2,\"tags\":[\"#order.number\"],\"relations\":{ }}", json);
        assertEquals(json, Html.of(json).toString());
    }
}
