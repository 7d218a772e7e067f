package io.tidings.core.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tidings.core.store.WebhookRepository.DueDelivery;

/**
 * Posts one delivery: its stored body, signed with the webhook's secret, under its delivery id.
 * Redirects are not followed (a webhook says where it wants deliveries). Administrators set webhook
 * URLs, so internal addresses are allowed here, unlike the template-driven requests of messages.
 */
final class WebhookSender {

    static final String DELIVERY_HEADER = "X-Tidings-Delivery";

    /** What an attempt came to: accepted (2xx), or the error to record. */
    record Outcome(boolean delivered, String error) {
    }

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    CompletableFuture<Outcome> post(DueDelivery delivery) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Tidings-Webhooks")
                    .header(DELIVERY_HEADER, delivery.id())
                    .header(WebhookSignature.HEADER, WebhookSignature.of(body, delivery.secret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(false, "unusable URL: " + e.getMessage()));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                // the request timeout ends the wait for the headers; this bounds a body that never ends
                .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        return new Outcome(false, describe(failure));
                    }
                    int status = response.statusCode();
                    return status >= 200 && status < 300 ? new Outcome(true, null) : new Outcome(false, "HTTP " + status);
                });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
