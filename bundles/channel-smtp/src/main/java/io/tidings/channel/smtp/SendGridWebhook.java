package io.tidings.channel.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.suppression.SuppressionList;

/**
 * SendGrid's signed Event Webhook for one SMTP channel that relays through SendGrid, at
 * {@code /tidings/api/v1/callbacks/sendgrid/<channel name>}. Each request must carry SendGrid's
 * ECDSA signature of the timestamp and the body (headers {@code X-Twilio-Email-Event-Webhook-Signature}
 * and {@code -Timestamp}), checked with the public key of the channel's configuration. A
 * {@code bounce} event (type {@code bounce}) is a hard bounce, one of type {@code blocked} a soft
 * one, a {@code spamreport} a complaint; the communication is found by the {@code smtp-id} (the
 * message's Message-ID) or a {@code tidings_communication} custom argument.
 */
final class SendGridWebhook extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";
    private static final int MAX_BODY = 4 * 1024 * 1024;
    /** A signed request older (or newer) than this is refused: a recorded request cannot be replayed later. */
    private static final Duration MAX_AGE = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient PublicKey key;
    private final transient BounceApplier applier;
    private final transient Supplier<DeliveryFeedback> feedback;
    private final transient Supplier<SuppressionList> suppressions;
    private final transient Clock clock;

    SendGridWebhook(PublicKey key, BounceApplier applier, Supplier<DeliveryFeedback> feedback,
            Supplier<SuppressionList> suppressions, Clock clock) {
        this.key = key;
        this.applier = applier;
        this.feedback = feedback;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /**
     * The verification key as SendGrid shows it (base64 of the DER public key, with or without PEM lines).
     *
     * @throws IllegalArgumentException naming {@code sendgridWebhookKey}
     */
    static PublicKey key(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("sendgridWebhookKey: is not an ECDSA public key in base64 ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signature = request.getHeader(SIGNATURE);
        String timestamp = request.getHeader(TIMESTAMP);
        if (signature == null || timestamp == null) {
            answer(response, 401, "the request is not signed (" + SIGNATURE + ", " + TIMESTAMP + ")", null);
            return;
        }
        byte[] body = body(request);
        if (body == null) {
            answer(response, 413, "the body exceeds " + MAX_BODY / (1024 * 1024) + " MB", null);
            return;
        }
        if (!verified(signature, timestamp, body)) {
            answer(response, 403, "the signature does not match the body and timestamp (or the timestamp is not"
                    + " within " + MAX_AGE.toMinutes() + " minutes)", null);
            return;
        }
        JsonNode events;
        try {
            events = JSON.readTree(body);
        } catch (IOException e) {
            answer(response, 400, "the body is not JSON: " + e.getClass().getSimpleName(), "body");
            return;
        }
        if (events == null || !events.isArray()) {
            answer(response, 400, "the body must be a JSON array of events", "body");
            return;
        }
        DeliveryFeedback engine = feedback.get();
        SuppressionList list = suppressions.get();
        if (engine == null || list == null) {
            // SendGrid retries what does not get a 2xx
            answer(response, 503, "the notification engine is not available", null);
            return;
        }
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
            BounceReport report = report(events.get(i));
            if (report != null) {
                applier.apply(report, engine, list);
                applied++;
            }
        }
        ObjectNode ok = JSON.createObjectNode();
        ok.put("events", events.size());
        ok.put("applied", applied);
        write(response, 200, ok);
    }

    /** A bounce or complaint event as a report; null for other events (delivered, open, …). */
    static BounceReport report(JsonNode event) {
        if (event == null || !event.isObject()) {
            return null;
        }
        String type = text(event, "event") == null ? null : text(event, "event").toLowerCase(Locale.ROOT);
        String email = text(event, "email");
        String messageId = text(event, "smtp-id");
        String communication = text(event, "tidings_communication");
        if ("bounce".equals(type)) {
            boolean blocked = "blocked".equals(text(event, "type"));
            String status = text(event, "status");
            String reason = text(event, "reason");
            String diagnostic = ((status == null ? "" : status + " ") + (reason == null ? "" : reason)).trim();
            return new BounceReport(blocked ? BounceReport.Kind.SOFT : BounceReport.Kind.HARD, email,
                    diagnostic.isEmpty() ? "bounce reported by SendGrid" : diagnostic, messageId, communication);
        }
        if ("spamreport".equals(type)) {
            return new BounceReport(BounceReport.Kind.COMPLAINT, email, "spamreport", messageId, communication);
        }
        return null;
    }

    private boolean verified(String signature, String timestamp, byte[] body) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            if (Duration.between(at, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
                return false;
            }
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ecdsa.update(body);
            return ecdsa.verify(Base64.getDecoder().decode(signature.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null && event.get("unique_args") != null) {
            value = event.get("unique_args").get(field);
        }
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    static byte[] body(HttpServletRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > MAX_BODY) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    static void answer(HttpServletResponse response, int status, String error, String field) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("error", error);
        json.put("field", field);
        write(response, status, json);
    }

    static void write(HttpServletResponse response, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
