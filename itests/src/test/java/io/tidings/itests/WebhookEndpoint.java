package io.tidings.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A host's webhook endpoint in the test (the JDK's HTTP server, run in the container): it keeps
 * every request as received and answers 500 to the first {@code refusals} attempts of each
 * delivery id, 204 from then on.
 */
public final class WebhookEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the endpoint saw it: the delivery id and signature headers and the raw body. */
    record Received(String delivery, String signature, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final int refusals;
    private final HttpServer server;

    /** @param port 0 for any free one */
    public WebhookEndpoint(int port, int refusals) throws IOException {
        this.refusals = refusals;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String delivery = exchange.getRequestHeaders().getFirst("X-Tidings-Delivery");
            received.add(new Received(delivery, exchange.getRequestHeaders().getFirst("X-Tidings-Signature"), body));
            int attempt = attempts.merge(delivery, 1, Integer::sum);
            exchange.sendResponseHeaders(attempt <= refusals ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next attempt of this delivery is accepted. */
    void acceptNext(String delivery) {
        attempts.put(delivery, refusals);
    }

    /** Registers this endpoint as a webhook of the given events. */
    void register(Api api, String key, String secret, String... events) {
        String names = String.join("','", events);
        Api.Response created = api.post("/webhooks", Api.json("{'key':'" + key + "','url':'" + url() + "','secret':'"
                + secret + "','events':['" + names + "']}"));
        assertEquals(created.raw(), 201, created.status());
    }

    /** The data of each request of the event, in the order received (repeats included). */
    public List<JsonNode> data(String event) {
        return received.stream().map(Received::json).filter(j -> event.equals(j.path("event").asText()))
                .map(j -> j.get("data")).toList();
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body with the secret, as a host computes it. */
    static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
