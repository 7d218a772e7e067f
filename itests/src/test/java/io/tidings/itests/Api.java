package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Tidings REST API as a host platform or an administrator calls it, over real HTTP. */
final class Api {

    record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {

        /** The first value of a response header, null when absent. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private final java.util.Map<String, String> headers;

    Api(int port, String user, String password) {
        this(base(port), user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                java.util.Map.of());
    }

    private Api(String base, String authorization, java.util.Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port + "/tidings/api/v1";
    }

    /** The same client, sending this header with every request too. */
    Api withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(base, authorization, java.util.Map.copyOf(more));
    }

    /** The API as a host calls it with an API key ({@code Authorization: Bearer <token>}). */
    static Api withKey(int port, String token) {
        return new Api(base(port), "Bearer " + token, java.util.Map.of());
    }

    static Api admin() {
        return new Api(Integer.getInteger(TidingsTestSupport.HTTP_PORT_PROPERTY), "karaf", "karaf");
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = response.body();
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = raw == null || raw.isBlank() || !json ? null : JSON.readTree(raw);
            return new Response(response.statusCode(), body, raw, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Saves the template (single-quoted JSON) and a rule that sends it to the event's contact on
     * {@code eventType}, posts the event and waits until its first communication is SENT.
     *
     * @return that communication's id
     */
    String sendThroughNewRule(String key, String eventType, String template, String event) {
        Response saved = put("/templates/" + key, json(template));
        assertTrue(saved.raw(), saved.status() == 201 || saved.status() == 200);
        Response rule = put("/rules/" + key, json("{'key':'" + key + "','name':'" + key + "','event':'" + eventType
                + "','templates':['" + key + "'],'recipients':['contact_information']}"));
        assertTrue(rule.raw(), rule.status() == 201 || rule.status() == 200);
        Response posted = post("/events", json(event));
        assertEquals(posted.raw(), 202, posted.status());
        String id = posted.body().get("communications").get(0).asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(get("/communications/" + id).body()
                .get("status").asText()));
        return id;
    }

    /** JSON text from single-quoted JSON, so tests stay readable. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
