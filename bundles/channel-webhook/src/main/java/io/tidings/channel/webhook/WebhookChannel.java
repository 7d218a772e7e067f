package io.tidings.channel.webhook;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.tidings.api.Medium;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.ChannelCapabilities;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;

/**
 * The WEBHOOK medium: POSTs a message's rendered JSON payload (its text) to the configured URL,
 * signed as Tidings signs its webhooks to the host: {@code X-Tidings-Signature: sha256=<hex HMAC-SHA256
 * of the exact body bytes>}, with the communication id in {@code X-Tidings-Delivery} (the same on
 * every attempt: the receiver's idempotency key). Redirects are not followed.
 */
public final class WebhookChannel implements Channel {

    static final String SIGNATURE_HEADER = "X-Tidings-Signature";
    static final String DELIVERY_HEADER = "X-Tidings-Delivery";
    static final String ATTEMPT_HEADER = "X-Tidings-Attempt";
    static final String RECIPIENT_HEADER = "X-Tidings-Recipient";
    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, false, false);
    private static final int MAX_RESPONSE_TEXT = 200;

    private volatile String name;
    private volatile WebhookSettings settings;
    private volatile HttpClient client;
    private final InternalAddresses.HostLookup lookup;

    public WebhookChannel(String name, WebhookSettings settings) {
        this(name, settings, InternalAddresses.DNS);
    }

    WebhookChannel(String name, WebhookSettings settings, InternalAddresses.HostLookup lookup) {
        this.name = name;
        this.settings = settings;
        this.lookup = lookup;
        this.client = client(settings);
    }

    private static HttpClient client(WebhookSettings s) {
        return HttpClient.newBuilder().connectTimeout(s.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        name = newName;
    }

    WebhookSettings settings() {
        return settings;
    }

    /** New settings apply to the next send; sends in progress finish with the old ones. */
    void reconfigure(WebhookSettings next) {
        WebhookSettings previous = settings;
        settings = next;
        if (!previous.connectTimeout().equals(next.connectTimeout())) {
            client = client(next);
        }
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** Unavailable while the URL points inside the network without permission: its messages wait. */
    @Override
    public ChannelState state() {
        String refusal = refusal(settings);
        return refusal == null ? ChannelState.AVAILABLE : ChannelState.unavailable(refusal);
    }

    /** Why the URL may not be used now; null when it may. */
    private String refusal(WebhookSettings s) {
        if (s.allowInternalAddresses()) {
            return null;
        }
        try {
            InetAddress internal = InternalAddresses.firstInternal(s.url().getHost(), lookup);
            return internal == null ? null : "url resolves to the internal address " + internal.getHostAddress()
                    + ": set allowInternalAddresses=true to allow it";
        } catch (UnknownHostException e) {
            return "url host " + s.url().getHost() + " is unknown";
        }
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        if (!Medium.WEBHOOK.equals(message.medium())) {
            return CompletableFuture.completedFuture(
                    SendResult.permanentFailure("medium " + message.medium() + " is not served by " + name));
        }
        if (message.text() == null || message.text().isBlank()) {
            return CompletableFuture.completedFuture(SendResult.permanentFailure("the message has no JSON payload"));
        }
        WebhookSettings s = settings;
        String refusal = refusal(s);
        if (refusal != null) {
            // the operator's to fix: the message is retried, and waits while the channel reports it
            return CompletableFuture.completedFuture(SendResult.transientFailure(refusal));
        }
        byte[] body = message.text().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(s.url()).timeout(s.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Tidings-Webhook-Channel")
                .header(DELIVERY_HEADER, message.communicationId())
                .header(ATTEMPT_HEADER, Integer.toString(message.attempt()))
                .header(SIGNATURE_HEADER, signature(body, s.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (message.recipient() != null && !message.recipient().isBlank()) {
            request.header(RECIPIENT_HEADER, message.recipient());
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> error != null ? failure(error, s) : outcome(response, message));
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes with the secret. */
    static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** 2xx sent; 408, 429 and 5xx retried (after Retry-After); other answers refuse the message. */
    static SendResult outcome(HttpResponse<String> response, OutboundMessage message) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String id = response.headers().firstValue("X-Message-Id").filter(v -> !v.isBlank()).orElse(null);
            return SendResult.sent(id != null ? truncate(id) : message.communicationId());
        }
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.transientFailure("endpoint answered HTTP " + status + text(response.body()),
                    retryAfter(response));
        }
        if (status >= 300 && status < 400) {
            return SendResult.permanentFailure("endpoint answered HTTP " + status
                    + ": redirects are not followed, configure the final URL");
        }
        return SendResult.permanentFailure("endpoint refused the payload: HTTP " + status + text(response.body()));
    }

    private static SendResult failure(Throwable error, WebhookSettings s) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            // the request never left: an ordinary retry
            return SendResult.transientFailure("cannot connect to the endpoint: " + cause.getClass().getSimpleName());
        }
        if (cause instanceof HttpTimeoutException) {
            return SendResult.transientFailure("outcome unknown: no answer within " + s.requestTimeout().toMillis() + " ms");
        }
        return SendResult.transientFailure("outcome unknown: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + truncate(cause.getMessage())));
    }

    /** The endpoint's own words, shortened: shown to administrators with the failure. */
    private static String text(String body) {
        return body == null || body.isBlank() ? "" : ": " + truncate(body.strip());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_RESPONSE_TEXT ? text : text.substring(0, MAX_RESPONSE_TEXT) + "…";
    }

    /** Retry-After in seconds or as an HTTP date; null lets the engine's backoff decide. */
    static Duration retryAfter(HttpResponse<?> response) {
        return io.tidings.api.channel.RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                java.time.Instant.now());
    }
}
