package io.tidings.channel.smtp;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Amazon SES bounce and complaint notifications (the {@code Message} of an SNS notification) as
 * reports: a {@code Permanent} bounce is hard, any other a soft one, a complaint a complaint; one
 * report per recipient, found by the message's own Message-ID ({@code mail.commonHeaders.messageId}).
 */
final class SesNotifications {

    private SesNotifications() {
    }

    /** Empty for other notifications (deliveries, …). */
    static List<BounceReport> reports(JsonNode message) {
        List<BounceReport> reports = new ArrayList<>();
        if (message == null || !message.isObject()) {
            return reports;
        }
        String type = SnsVerifier.text(message, "notificationType");
        if (type == null) {
            type = SnsVerifier.text(message, "eventType");
        }
        String messageId = messageId(message.get("mail"));
        if ("Bounce".equals(type) && message.get("bounce") != null) {
            JsonNode bounce = message.get("bounce");
            BounceReport.Kind kind = "Permanent".equals(SnsVerifier.text(bounce, "bounceType")) ? BounceReport.Kind.HARD
                    : BounceReport.Kind.SOFT;
            String fallback = "bounce reported by Amazon SES: " + SnsVerifier.text(bounce, "bounceType") + "/"
                    + SnsVerifier.text(bounce, "bounceSubType");
            for (JsonNode recipient : each(bounce.get("bouncedRecipients"))) {
                String status = SnsVerifier.text(recipient, "status");
                String code = SnsVerifier.text(recipient, "diagnosticCode");
                String diagnostic = ((status == null ? "" : status + " ") + (code == null ? "" : code)).trim();
                reports.add(new BounceReport(kind, SnsVerifier.text(recipient, "emailAddress"),
                        diagnostic.isEmpty() ? fallback : diagnostic, messageId, null));
            }
        } else if ("Complaint".equals(type) && message.get("complaint") != null) {
            JsonNode complaint = message.get("complaint");
            String feedback = SnsVerifier.text(complaint, "complaintFeedbackType");
            for (JsonNode recipient : each(complaint.get("complainedRecipients"))) {
                reports.add(new BounceReport(BounceReport.Kind.COMPLAINT, SnsVerifier.text(recipient, "emailAddress"),
                        feedback == null ? "abuse" : feedback, messageId, null));
            }
        }
        return reports;
    }

    /** The Message-ID Tidings gave the message, as SES returns it. */
    private static String messageId(JsonNode mail) {
        if (mail == null) {
            return null;
        }
        String common = SnsVerifier.text(mail.get("commonHeaders"), "messageId");
        if (common != null) {
            return common;
        }
        for (JsonNode header : each(mail.get("headers"))) {
            if ("Message-ID".equalsIgnoreCase(SnsVerifier.text(header, "name"))) {
                return SnsVerifier.text(header, "value");
            }
        }
        return null;
    }

    private static Iterable<JsonNode> each(JsonNode array) {
        return array == null || !array.isArray() ? List.of() : array;
    }
}
