package io.tidings.channel.example;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

public class JsonLinesChannelTest {

    @Test
    public void jsonEscapesQuotesNewlinesAndControlCharacters() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("text", "Ваше \"замовлення\"\nготове\u0001\\");
        assertEquals("{\"text\":\"Ваше \\\"замовлення\\\"\\nготове\\u0001\\\\\"}", JsonLinesChannel.json(fields));
    }
}
