package io.tidings.channel.httpsms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.tidings.api.Medium;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/** The HTTP SMS channel against a real HTTP server on loopback playing the gateway. */
public class HttpSmsChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Answer(int status, String body, String retryAfter) {
    }

    private HttpServer server;
    private volatile Answer answer;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private HttpSmsChannel channel;

    @Before
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1.0/message", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            Answer a = answer;
            if (a.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        channel = new HttpSmsChannel("httpsms-test", new HttpSmsSettings(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0/message"), "product-token",
                "Tidings", Duration.ofSeconds(2), Duration.ofSeconds(5), "callback-token-of-24-chars"));
    }

    @After
    public void stop() {
        server.stop(0);
    }

    private static OutboundMessage sms(String id, String to, String text) {
        return new OutboundMessage(id, Medium.SMS, to, null, null, text, null, "uk", 1);
    }

    private SendResult send(OutboundMessage m) throws Exception {
        return channel.send(m).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    public void anAcceptedMessageRecordsTheProviderReference() throws Exception {
        answer = new Answer(200, "{\"details\":\"Created 1 message(s)\",\"errorCode\":0,\"messages\":[{\"to\":\"00380671234567\","
                + "\"status\":\"Accepted\",\"reference\":\"comm-1\",\"parts\":1,\"messageDetails\":null,\"messageErrorCode\":0}]}", null);
        SendResult r = send(sms("comm-1", "+380671234567", "Ваше замовлення 1001 готове"));
        assertEquals(r.toString(), SendResult.Outcome.SENT, r.outcome());
        assertEquals("comm-1", r.providerMessageId());
        JsonNode msg = requests.get(0).path("messages");
        assertEquals("product-token", msg.path("authentication").path("producttoken").asText());
        JsonNode first = msg.path("msg").path(0);
        assertEquals("Tidings", first.path("from").asText());
        assertEquals("00380671234567", first.path("to").path(0).path("number").asText());
        assertEquals("auto", first.path("body").path("type").asText());
        assertEquals("Ваше замовлення 1001 готове", first.path("body").path("content").asText());
        assertEquals("comm-1", first.path("reference").asText());
    }

    @Test
    public void http429IsTransientAndHonoursRetryAfter() throws Exception {
        answer = new Answer(429, "{\"details\":\"Too many requests\"}", "7");
        SendResult r = send(sms("comm-2", "+380671234567", "Hello"));
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, r.outcome());
        assertEquals(Duration.ofSeconds(7), r.retryAfter());
        assertTrue(r.error(), r.error().contains("429") && r.error().contains("Too many requests"));
    }

    @Test
    public void http500IsTransient() throws Exception {
        answer = new Answer(500, "", null);
        SendResult r = send(sms("comm-3", "+380671234567", "Hello"));
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, r.outcome());
        assertEquals(null, r.retryAfter());
        assertTrue(r.error(), r.error().contains("500"));
    }

    @Test
    public void http400IsPermanentWithTheProvidersMessage() throws Exception {
        answer = new Answer(400, "{\"details\":\"No account found for the given authentication\",\"errorCode\":101}", null);
        SendResult r = send(sms("comm-4", "+380671234567", "Hello"));
        assertEquals(SendResult.Outcome.PERMANENT_FAILURE, r.outcome());
        assertTrue(r.error(), r.error().contains("400") && r.error().contains("No account found for the given authentication"));
    }

    @Test
    public void aRejectedMessageInA200IsPermanent() throws Exception {
        answer = new Answer(200, "{\"errorCode\":0,\"messages\":[{\"status\":\"Rejected\",\"reference\":\"comm-5\","
                + "\"messageDetails\":\"Gsm '00380' is not a number.\",\"messageErrorCode\":303}]}", null);
        SendResult r = send(sms("comm-5", "+380671234567", "Hello"));
        assertEquals(SendResult.Outcome.PERMANENT_FAILURE, r.outcome());
        assertTrue(r.error(), r.error().contains("303"));
    }

    @Test
    public void anInvalidNumberIsNotSent() throws Exception {
        SendResult r = send(sms("comm-6", "call me", "Hello"));
        assertEquals(SendResult.Outcome.PERMANENT_FAILURE, r.outcome());
        assertEquals("invalid phone number", r.error());
        assertTrue(requests.isEmpty());
    }

    private static OutboundMessage smsIn(String country, String id, String to) {
        return new OutboundMessage(id, Medium.SMS, to, null, null, "Hello", null, "uk", 1, country);
    }

    private String numberSent(OutboundMessage m) throws Exception {
        answer = new Answer(200, "{\"errorCode\":0,\"messages\":[{\"status\":\"Accepted\",\"reference\":\""
                + m.communicationId() + "\"}]}", null);
        int before = requests.size();
        SendResult r = send(m);
        assertEquals(r.toString(), SendResult.Outcome.SENT, r.outcome());
        return requests.get(before).path("messages").path("msg").path(0).path("to").path(0).path("number").asText();
    }

    @Test
    public void aNumberInAnyWritingIsSentAsE164ReadInTheMessagesCountry() throws Exception {
        assertEquals("00380671234567", numberSent(smsIn("UA", "comm-10", "067 123 45 67")));
        assertEquals("00380671234567", numberSent(smsIn("UA", "comm-11", "(067) 123-45-67")));
        assertEquals("00380671234567", numberSent(smsIn("DK", "comm-12", "+380 67 123 45 67")));
        assertEquals("004520123456", numberSent(smsIn("dk", "comm-13", "20 12 34 56")));
        assertEquals("0033612345678", numberSent(smsIn("FR", "comm-14", "06 12 34 56 78")));
        assertEquals("0033612345678", numberSent(smsIn(null, "comm-15", "+33 6 12 34 56 78")));
    }

    @Test
    public void aNationalNumberWithoutACountryOrAnInvalidOneIsNotSentAsWritten() throws Exception {
        for (OutboundMessage m : List.of(smsIn(null, "comm-16", "0671234567"), smsIn("UA", "comm-17", "067 12"),
                smsIn(null, "comm-18", "+999123456"))) {
            SendResult r = send(m);
            assertEquals(m.recipient(), SendResult.Outcome.PERMANENT_FAILURE, r.outcome());
            assertEquals("invalid phone number", r.error());
        }
        assertTrue(requests.isEmpty());
    }

    @Test
    public void anUnreachableGatewayIsTransient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        channel.reconfigure(new HttpSmsSettings(URI.create("http://127.0.0.1:" + port + "/v1.0/message"), "t", "Tidings",
                Duration.ofSeconds(2), Duration.ofSeconds(5), ""));
        SendResult r = send(sms("comm-7", "+380671234567", "Hello"));
        assertEquals(SendResult.Outcome.TRANSIENT_FAILURE, r.outcome());
        assertTrue(r.error(), r.error().startsWith("cannot connect"));
    }

    @Test
    public void settingsNameTheKeyAtFault() {
        try {
            new HttpSmsSettings(URI.create("ftp://x"), "t", "S", Duration.ofSeconds(1), Duration.ofSeconds(1), "");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("url:"));
            return;
        }
        throw new AssertionError("expected a rejection");
    }
}
