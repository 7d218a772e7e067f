package io.tidings.channel.smtp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.suppression.SuppressionList;

/**
 * Amazon SES bounce and complaint notifications over SNS (HTTP/S subscription) for one SMTP channel
 * that relays through SES, at {@code /tidings/api/v1/callbacks/ses/<channel name>}. Every message
 * must carry a valid SNS signature ({@link SnsVerifier}), and the configured topic when there is
 * one. A subscription confirmation is logged for the operator with its SubscribeURL, and opened
 * only with {@code sesAutoConfirm} and an {@code https://…amazonaws.com} address.
 */
final class SesWebhook extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SesWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the configuration says of the webhook. */
    record Settings(String channel, String topicArn, boolean autoConfirm) {
    }

    private final transient Settings settings;
    private final transient SnsVerifier verifier;
    private final transient HttpClient client;
    private final transient BounceApplier applier;
    private final transient Supplier<DeliveryFeedback> feedback;
    private final transient Supplier<SuppressionList> suppressions;

    SesWebhook(Settings settings, SnsVerifier verifier, HttpClient client, BounceApplier applier,
            Supplier<DeliveryFeedback> feedback, Supplier<SuppressionList> suppressions) {
        this.settings = settings;
        this.verifier = verifier;
        this.client = client;
        this.applier = applier;
        this.feedback = feedback;
        this.suppressions = suppressions;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = SendGridWebhook.body(request);
        if (body == null) {
            SendGridWebhook.answer(response, 413, "the body is too large", null);
            return;
        }
        JsonNode sns;
        try {
            sns = JSON.readTree(body);
        } catch (IOException e) {
            SendGridWebhook.answer(response, 400, "the body is not JSON: " + e.getClass().getSimpleName(), "body");
            return;
        }
        String type = SnsVerifier.text(sns, "Type");
        if (sns == null || !sns.isObject() || type == null) {
            SendGridWebhook.answer(response, 400, "the body must be an SNS message with a Type", "Type");
            return;
        }
        String topic = SnsVerifier.text(sns, "TopicArn");
        if (settings.topicArn() != null && !settings.topicArn().equals(topic)) {
            SendGridWebhook.answer(response, 403, "the message is not of the configured topic (sesTopicArn)", "TopicArn");
            return;
        }
        String refusal = verifier.refusal(sns);
        if (refusal != null) {
            SendGridWebhook.answer(response, 403, "the SNS signature is not valid: " + refusal, "Signature");
            return;
        }
        switch (type) {
            case "SubscriptionConfirmation" -> confirm(topic, SnsVerifier.text(sns, "SubscribeURL"), response);
            case "UnsubscribeConfirmation" -> {
                LOG.info("SMTP channel {}: Amazon SNS says the subscription of topic {} ended", settings.channel(), topic);
                ok(response, type, 0);
            }
            case "Notification" -> notification(sns, response);
            default -> SendGridWebhook.answer(response, 400, "Type must be SubscriptionConfirmation, "
                    + "UnsubscribeConfirmation or Notification", "Type");
        }
    }

    private void notification(JsonNode sns, HttpServletResponse response) throws IOException {
        JsonNode message;
        try {
            message = JSON.readTree(SnsVerifier.text(sns, "Message"));
        } catch (IOException | IllegalArgumentException e) {
            SendGridWebhook.answer(response, 400, "the Message is not an SES notification in JSON", "Message");
            return;
        }
        DeliveryFeedback engine = feedback.get();
        SuppressionList list = suppressions.get();
        if (engine == null || list == null) {
            // SNS retries what does not get a 2xx
            SendGridWebhook.answer(response, 503, "the notification engine is not available", null);
            return;
        }
        List<BounceReport> reports = SesNotifications.reports(message);
        reports.forEach(report -> applier.apply(report, engine, list));
        ok(response, "Notification", reports.size());
    }

    private void confirm(String topic, String url, HttpServletResponse response) throws IOException {
        if (url == null) {
            SendGridWebhook.answer(response, 400, "a SubscriptionConfirmation must carry a SubscribeURL", "SubscribeURL");
            return;
        }
        if (!settings.autoConfirm() || !confirmable(url)) {
            LOG.info("SMTP channel {}: Amazon SNS asks to confirm the subscription to topic {}: open {} to confirm it",
                    settings.channel(), topic, url);
            ok(response, "SubscriptionConfirmation", 0);
            return;
        }
        try {
            HttpResponse<Void> confirmed = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            LOG.info("SMTP channel {}: confirmed the subscription to topic {} (status {})", settings.channel(), topic,
                    confirmed.statusCode());
        } catch (IOException e) {
            LOG.warn("SMTP channel {}: the subscription to topic {} cannot be confirmed ({}): open {} to confirm it",
                    settings.channel(), topic, e.getClass().getSimpleName(), url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ok(response, "SubscriptionConfirmation", 0);
    }

    /** Only Amazon's own addresses are opened automatically. */
    static boolean confirmable(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equals(uri.getScheme()) && uri.getUserInfo() == null
                    && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void ok(HttpServletResponse response, String type, int applied) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", type);
        json.put("applied", applied);
        SendGridWebhook.write(response, 200, json);
    }
}
