package io.tidings.channel.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpServer;

import io.tidings.api.Medium;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/** The channel against a real HTTP server of the JDK: signature, headers and the outcome of each answer. */
public class WebhookChannelTest {

    private static final String SECRET = "a-secret-of-twenty-chars";

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

    @Before
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodies.add(body);
            received.add(Map.of("signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tidings-Signature")),
                    "delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tidings-Delivery")),
                    "attempt", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tidings-Attempt")),
                    "type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
            if (status.get() == 429) {
                exchange.getResponseHeaders().add("Retry-After", "7");
            }
            byte[] answer = status.get() >= 400 ? "no such account".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status.get(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @After
    public void stop() {
        server.stop(0);
    }

    private WebhookChannel channel(boolean allowInternal) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        return new WebhookChannel("webhook-test", new WebhookSettings(url, SECRET, Duration.ofSeconds(5),
                Duration.ofSeconds(10), allowInternal));
    }

    private static OutboundMessage message(String payload) {
        return new OutboundMessage("c-42", Medium.WEBHOOK, "crm-7", null, null, payload, null, "en", 2);
    }

    private static SendResult send(WebhookChannel channel, OutboundMessage message) throws Exception {
        return channel.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    public void postsThePayloadSignedWithTheSecret() throws Exception {
        String payload = "{\"event\":\"order.ready\",\"name\":\"Олена\"}";
        SendResult result = send(channel(true), message(payload));

        assertEquals(SendResult.Outcome.SENT, result.outcome());
        assertEquals("c-42", result.providerMessageId());
        assertEquals(1, bodies.size());
        assertEquals(payload, new String(bodies.get(0), StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(bodies.get(0)));
        assertEquals(expected, received.get(0).get("signature"));
        assertEquals("c-42", received.get(0).get("delivery"));
        assertEquals("2", received.get(0).get("attempt"));
        assertEquals("application/json; charset=utf-8", received.get(0).get("type"));
    }

    @Test
    public void throttlingAndServerErrorsAreRetriedOtherRefusalsAreNot() throws Exception {
        WebhookChannel channel = channel(true);
        status.set(429);
        SendResult throttled = send(channel, message("{}"));
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, throttled.outcome());
        assertEquals(Duration.ofSeconds(7), throttled.retryAfter());
        status.set(503);
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, send(channel, message("{}")).outcome());
        status.set(404);
        SendResult refused = send(channel, message("{}"));
        assertEquals(SendResult.Outcome.PERMANENT_FAILURE, refused.outcome());
        assertTrue(refused.error(), refused.error().contains("HTTP 404") && refused.error().contains("no such account"));
    }

    @Test
    public void anInternalAddressIsRefusedUnlessAllowed() throws Exception {
        WebhookChannel refusing = channel(false);
        assertFalse(refusing.state().available());
        assertTrue(refusing.state().detail(), refusing.state().detail().contains("allowInternalAddresses"));
        SendResult result = send(refusing, message("{}"));
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, result.outcome());
        assertTrue("nothing reached the internal endpoint", bodies.isEmpty());
        assertTrue(channel(true).state().available());
    }

    @Test
    public void internalRanges() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1")) {
            assertTrue(internal, InternalAddresses.internal(InetAddress.getByName(internal)));
        }
        for (String external : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "100.128.0.1")) {
            assertFalse(external, InternalAddresses.internal(InetAddress.getByName(external)));
        }
    }

    @Test
    public void aConfigurationThatCannotWorkIsRefusedByAttribute() {
        assertEquals("url", field(() -> WebhookSettings.parseUrl("ftp://example.com/x")));
        assertEquals("url", field(() -> WebhookSettings.parseUrl("https://user:pw@example.com/x")));
        assertEquals("secret", field(() -> new WebhookSettings(URI.create("https://example.com"), "short",
                Duration.ofSeconds(1), Duration.ofSeconds(1), false)));
        assertFalse(new WebhookSettings(URI.create("https://example.com"), SECRET, Duration.ofSeconds(1),
                Duration.ofSeconds(1), false).toString().contains(SECRET));
    }

    @Test
    public void anotherMediumIsNotSent() throws Exception {
        SendResult result = send(channel(true), new OutboundMessage("c-1", Medium.SMS, "+4512345678", null, null,
                "hi", null, "en", 1));
        assertEquals(SendResult.Outcome.PERMANENT_FAILURE, result.outcome());
        assertTrue(bodies.isEmpty());
        assertNull(result.providerMessageId());
    }

    private static String field(Runnable action) {
        try {
            action.run();
            throw new AssertionError("accepted");
        } catch (IllegalArgumentException e) {
            return e.getMessage().substring(0, e.getMessage().indexOf(':'));
        }
    }
}
