package io.tidings.channel.httpsms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.inbound.InboundMessage;
import io.tidings.api.inbound.InboundMessages;
import io.tidings.api.inbound.InboundResult;

/**
 * Delivery reports and incoming messages (replies, with {@code from} and no {@code reference}) of one HTTP SMS channel at {@code /tidings/api/v1/callbacks/httpsms/<channel>}.
 * The gateway authenticates with the channel's callback token in the {@code X-Tidings-Token} header,
 * never in the query string, which access logs and proxies record. Accepts CM-style reports as query parameters
 * ({@code reference}, {@code status}, {@code statusdescription}) or as JSON, flat or nested under
 * {@code messages.msg}. Answers 404 for a reference no communication carries yet, so the gateway
 * tries again later.
 */
final class DeliveryReportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;
    static final String TOKEN_HEADER = "X-Tidings-Token";

    private final transient Supplier<String> channelName;
    private final transient Supplier<String> callbackToken;
    private final transient Supplier<DeliveryFeedback> feedback;
    private final transient Supplier<InboundMessages> inbound;

    DeliveryReportServlet(Supplier<String> channelName, Supplier<String> callbackToken,
            Supplier<DeliveryFeedback> feedback) {
        this(channelName, callbackToken, feedback, () -> null);
    }

    DeliveryReportServlet(Supplier<String> channelName, Supplier<String> callbackToken,
            Supplier<DeliveryFeedback> feedback, Supplier<InboundMessages> inbound) {
        this.channelName = channelName;
        this.callbackToken = callbackToken;
        this.feedback = feedback;
        this.inbound = inbound;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            answer(response, 413, "{\"error\":\"report larger than 64 KiB\"}");
            return;
        }
        JsonNode json = null;
        if (body.length > 0) {
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                answer(response, 400, "{\"error\":\"malformed JSON\",\"field\":\"body\"}");
                return;
            }
        }
        handle(request, response, json);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, JsonNode json) throws IOException {
        String expected = callbackToken.get();
        String presented = request.getHeader(TOKEN_HEADER);
        if (presented == null && request.getParameter("token") != null) {
            answer(response, 401, "{\"error\":\"the callback token is accepted only in the " + TOKEN_HEADER + " header\"}");
            return;
        }
        if (expected == null || expected.isEmpty() || presented == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            answer(response, 401, "{\"error\":\"missing or wrong callback token\"}");
            return;
        }
        JsonNode report = json == null ? null : json.path("messages").path("msg");
        if (report != null && report.isArray()) {
            report = report.path(0);
        }
        if (report == null || report.isMissingNode()) {
            report = json;
        }
        String reference = field(request, report, "reference");
        String from = field(request, report, "from");
        if ((reference == null || reference.isBlank()) && from != null) {
            incoming(request, response, report, from);
            return;
        }
        String status = field(request, report, "status");
        if (report != null && report.path("status").isObject()) {
            status = report.path("status").path("code").asText(null);
        }
        String description = field(request, report, "statusdescription");
        if (description == null && report != null) {
            description = report.path("status").path("errorDescription").asText(null);
        }
        if (reference == null || reference.isBlank()) {
            answer(response, 400, "{\"error\":\"reference is required\",\"field\":\"reference\"}");
            return;
        }
        if (status == null || status.isBlank()) {
            answer(response, 400, "{\"error\":\"status is required\",\"field\":\"status\"}");
            return;
        }
        Boolean delivered = switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "2", "delivered" -> Boolean.TRUE;
            case "1", "3", "rejected", "failed" -> Boolean.FALSE;
            case "0", "accepted", "buffered" -> null;
            default -> null;
        };
        if (delivered == null) {
            answer(response, 200, "{\"recorded\":false,\"final\":false}");
            return;
        }
        DeliveryFeedback target = feedback.get();
        if (target == null) {
            answer(response, 503, "{\"error\":\"the engine is not running\"}");
            return;
        }
        boolean recorded = delivered ? target.delivered(channelName.get(), reference)
                : target.failed(channelName.get(), reference, "gateway report: status " + status.trim()
                        + (description == null || description.isBlank() ? "" : " " + truncate(description)));
        answer(response, recorded ? 200 : 404, recorded ? "{\"recorded\":true}"
                : "{\"error\":\"no sent communication of this channel carries the reference\",\"field\":\"reference\"}");
    }

    /**
     * An incoming message (a reply) as the gateway forwards it: {@code from}, {@code to} and
     * {@code message} (or {@code text}, {@code body}); handed to the engine, which records it and
     * applies its keywords.
     */
    private void incoming(HttpServletRequest request, HttpServletResponse response, JsonNode report, String from)
            throws IOException {
        String text = field(request, report, "message");
        if (text == null) {
            text = field(request, report, "text");
        }
        if (text == null) {
            text = field(request, report, "body");
        }
        if (text == null) {
            answer(response, 400, "{\"error\":\"an incoming message needs its text in message\",\"field\":\"message\"}");
            return;
        }
        if (from.isBlank() || from.length() > 64) {
            answer(response, 400, "{\"error\":\"from must be the sender's number\",\"field\":\"from\"}");
            return;
        }
        InboundMessages engine = inbound.get();
        if (engine == null) {
            answer(response, 503, "{\"error\":\"the engine is not running\"}");
            return;
        }
        String written = from.strip();
        if (written.startsWith("00")) {
            written = "+" + written.substring(2);
        } else if (!written.startsWith("+") && written.chars().allMatch(Character::isDigit) && written.length() > 8) {
            written = "+" + written; // gateways forward senders in international form without the +
        }
        String address = PhoneNumbers.e164(written, null).orElse(from.strip());
        InboundResult result = engine.received(new InboundMessage(channelName.get(), "SMS", address,
                field(request, report, "to"), text, java.time.Instant.now()));
        answer(response, 200, "{\"recorded\":true,\"communicationId\":\"" + result.communicationId() + "\"}");
    }

    private static String field(HttpServletRequest request, JsonNode report, String name) {
        String value = request.getParameter(name);
        if (value == null && report != null) {
            for (java.util.Iterator<String> it = report.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (f.equalsIgnoreCase(name) && report.get(f).isValueNode()) {
                    value = report.get(f).asText();
                }
            }
        }
        return value;
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
