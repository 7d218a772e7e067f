package io.tidings.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The sample data of {@code tidings:render}: a JSON object of entity snapshots keyed by entity name. */
final class SampleData {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private SampleData() {
    }

    /**
     * @param source how the user gave it ({@code --data}, or the file name), named in errors
     * @throws IllegalArgumentException naming the source with the line and column of bad JSON
     */
    static Map<String, Object> parse(String json, String source) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> data = MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
            });
            return data == null ? Map.of() : data;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new IllegalArgumentException(source + where + ": not a JSON object: " + e.getOriginalMessage());
        }
    }

    static Map<String, Object> read(String inline, String file) {
        return read(inline, file, "--data-file");
    }

    /** @param fileOption how the command names the file in errors */
    static Map<String, Object> read(String inline, String file, String fileOption) {
        if (inline != null && file != null) {
            throw new IllegalArgumentException("give either --data or " + fileOption + ", not both");
        }
        if (file == null) {
            return parse(inline, "--data");
        }
        try {
            return parse(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new IllegalArgumentException(fileOption + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
