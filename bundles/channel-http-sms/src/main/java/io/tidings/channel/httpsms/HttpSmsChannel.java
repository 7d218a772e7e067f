package io.tidings.channel.httpsms;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * SMS through a CM-style JSON HTTP gateway: one {@code POST {url}} per message with
 * {@code {"messages":{"authentication":{"producttoken":…},"msg":[{"from","to":[{"number"}],"body":{"type":"auto","content"},"reference"}]}}}.
 * The communication id is the reference, which the gateway's delivery reports carry back.
 */
public final class HttpSmsChannel implements Channel, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, false, true);
    private static final int MAX_PROVIDER_TEXT = 300;

    private volatile String name;
    private volatile HttpSmsSettings settings;
    private volatile HttpClient client;

    public HttpSmsChannel(String name, HttpSmsSettings settings) {
        this.name = name;
        this.settings = settings;
        this.client = client(settings);
    }

    private static HttpClient client(HttpSmsSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        name = newName;
    }

    public HttpSmsSettings settings() {
        return settings;
    }

    /** New settings apply to the next send; sends in progress finish with the old ones. */
    public void reconfigure(HttpSmsSettings next) {
        HttpSmsSettings previous = settings;
        settings = next;
        if (!previous.connectTimeout().equals(next.connectTimeout())) {
            client = client(next);
        }
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        if (message.medium() != Medium.SMS) {
            return CompletableFuture.completedFuture(
                    SendResult.permanentFailure("medium " + message.medium() + " is not served by " + name));
        }
        // the engine plans numbers in E.164 already; one written nationally is read in the message's country
        String e164 = PhoneNumbers.e164(message.recipient(), message.country()).orElse(null);
        if (e164 == null) {
            return CompletableFuture.completedFuture(SendResult.permanentFailure("invalid phone number"));
        }
        // CM's gateway takes international numbers with a 00 prefix
        String number = "00" + e164.substring(1);
        HttpSmsSettings s = settings;
        String body = requestBody(s, number, message);
        HttpRequest request = HttpRequest.newBuilder(s.url()).timeout(s.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> error != null ? failure(error, s) : outcome(response, message));
    }

    static String requestBody(HttpSmsSettings s, String number, OutboundMessage message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode messages = root.putObject("messages");
        messages.putObject("authentication").put("producttoken", s.token());
        ArrayNode msg = messages.putArray("msg");
        ObjectNode m = msg.addObject();
        m.put("from", s.sender());
        m.putArray("to").addObject().put("number", number);
        m.putObject("body").put("type", "auto").put("content", message.text() == null ? "" : message.text());
        m.put("reference", message.communicationId());
        // long texts: let the gateway split up to 8 parts
        m.put("minimumNumberOfMessageParts", 1);
        m.put("maximumNumberOfMessageParts", 8);
        return root.toString();
    }

    private SendResult outcome(HttpResponse<String> response, OutboundMessage message) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 429 || status >= 500) {
            return SendResult.transientFailure("gateway answered HTTP " + status + providerText(body, response.body()),
                    retryAfter(response));
        }
        if (status >= 400) {
            return SendResult.permanentFailure("gateway refused the message: HTTP " + status
                    + providerText(body, response.body()));
        }
        if (status < 200 || status >= 300) {
            return SendResult.transientFailure("outcome unknown: gateway answered HTTP " + status);
        }
        JsonNode first = body == null ? null : body.path("messages").path(0);
        if (first != null && !first.isMissingNode()) {
            String state = first.path("status").asText("");
            int code = first.path("messageErrorCode").asInt(0);
            if ("Rejected".equalsIgnoreCase(state) || code != 0) {
                String details = first.path("messageDetails").asText("");
                return SendResult.permanentFailure("gateway rejected the message" + (code != 0 ? " (code " + code + ")" : "")
                        + (details.isBlank() ? "" : ": " + truncate(details)));
            }
            String id = text(first, "messageId", "id", "reference");
            if (id != null) {
                return SendResult.sent(id);
            }
        }
        return SendResult.sent(message.communicationId());
    }

    private static String text(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    private SendResult failure(Throwable error, HttpSmsSettings s) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            // the request never left: an ordinary retry
            return SendResult.transientFailure("cannot connect to the gateway: " + cause.getClass().getSimpleName());
        }
        if (cause instanceof HttpTimeoutException) {
            return SendResult.transientFailure("outcome unknown: no answer within " + s.requestTimeout().toMillis() + " ms");
        }
        return SendResult.transientFailure("outcome unknown: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + truncate(cause.getMessage())));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The gateway's own words: CM puts them in "details", others in "message" or "error". */
    private static String providerText(JsonNode body, String raw) {
        String text = null;
        if (body != null) {
            text = text(body, "details", "message", "error", "errorDescription");
            if (text == null) {
                text = text(body.path("messages").path(0), "messageDetails");
            }
        } else if (raw != null && !raw.isBlank()) {
            text = raw.strip();
        }
        return text == null ? "" : ": " + truncate(text);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_PROVIDER_TEXT ? text : text.substring(0, MAX_PROVIDER_TEXT) + "…";
    }

    /** Retry-After in seconds or as an HTTP date; null lets the engine's backoff decide. */
    static Duration retryAfter(HttpResponse<?> response) {
        return io.tidings.api.channel.RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                java.time.Instant.now());
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of Java 17 has no close; its threads end when it is unreachable
    }
}
