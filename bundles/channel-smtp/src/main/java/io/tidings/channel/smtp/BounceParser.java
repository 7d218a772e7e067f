package io.tidings.channel.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.sun.mail.dsn.DeliveryStatus;

/**
 * Reads a message of the bounce mailbox: a delivery status notification (RFC 3464, read with
 * Jakarta Mail's {@code com.sun.mail.dsn}) or an abuse feedback report (ARF, RFC 5965), both
 * {@code multipart/report}. The parts are read from their bytes, not through the activation
 * framework's content handlers, which OSGi hides from one another.
 */
final class BounceParser {

    private final Pattern verp;

    /**
     * @param returnPath the channel's return path under VERP ({@code bounce@example.com}), or null:
     *                   a bounce sent to {@code bounce+<id>@example.com} names communication {@code <id>}
     */
    BounceParser(String returnPath) {
        if (returnPath == null || !returnPath.contains("@")) {
            verp = null;
        } else {
            int at = returnPath.lastIndexOf('@');
            verp = Pattern.compile(Pattern.quote(returnPath.substring(0, at)) + "\\+([A-Za-z0-9._-]+)@"
                    + Pattern.quote(returnPath.substring(at + 1)), Pattern.CASE_INSENSITIVE);
        }
    }

    /** @return empty when the message is neither a DSN nor a feedback report (a reply a person wrote, spam) */
    Optional<BounceReport> parse(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        MimeMultipart report = new MimeMultipart(message.getDataHandler().getDataSource());
        String communicationId = verpId(message);
        BounceReport.Kind kind = null;
        String recipient = null;
        String diagnostic = null;
        String messageId = null;
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                try (InputStream in = part.getInputStream()) {
                    DeliveryStatus status = new DeliveryStatus(in);
                    for (int r = 0; r < status.getRecipientDSNCount() && kind != BounceReport.Kind.HARD; r++) {
                        InternetHeaders dsn = status.getRecipientDSN(r);
                        String action = lower(dsn.getHeader("Action", null));
                        String code = trim(dsn.getHeader("Status", null));
                        boolean hard = "failed".equals(action) && code != null && code.startsWith("5");
                        boolean soft = "delayed".equals(action) || (code != null && code.startsWith("4"));
                        if (hard || soft) {
                            kind = hard ? BounceReport.Kind.HARD : BounceReport.Kind.SOFT;
                            recipient = address(dsn.getHeader("Final-Recipient", null));
                            if (recipient == null) {
                                recipient = address(dsn.getHeader("Original-Recipient", null));
                            }
                            String code2 = trim(dsn.getHeader("Diagnostic-Code", null));
                            diagnostic = code2 == null ? code : code + " " + code2;
                        }
                    }
                }
            } else if (part.isMimeType("message/feedback-report")) {
                try (InputStream in = part.getInputStream()) {
                    InternetHeaders arf = new InternetHeaders(in);
                    kind = BounceReport.Kind.COMPLAINT;
                    String type = trim(arf.getHeader("Feedback-Type", null));
                    diagnostic = type == null ? "abuse" : type.toLowerCase(Locale.ROOT);
                    recipient = address(arf.getHeader("Original-Rcpt-To", null));
                }
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                try (InputStream in = part.getInputStream()) {
                    InternetHeaders original = new InternetHeaders(in);
                    messageId = trim(original.getHeader("Message-ID", null));
                    if (recipient == null && kind == BounceReport.Kind.COMPLAINT) {
                        recipient = address(original.getHeader("To", null));
                    }
                    if (communicationId == null) {
                        communicationId = verpId(original.getHeader("Return-Path", null));
                    }
                }
            }
        }
        return kind == null ? Optional.empty()
                : Optional.of(new BounceReport(kind, recipient, diagnostic, messageId, communicationId));
    }

    private String verpId(MimeMessage message) throws MessagingException {
        for (String header : new String[] {"Delivered-To", "X-Original-To", "To", "Envelope-To"}) {
            String id = verpId(message.getHeader(header, ","));
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private String verpId(String[] values) {
        return values == null ? null : verpId(String.join(",", values));
    }

    private String verpId(String value) {
        if (verp == null || value == null) {
            return null;
        }
        Matcher m = verp.matcher(value);
        return m.find() ? m.group(1) : null;
    }

    /** {@code rfc822; Ann@Example.com} → {@code Ann@Example.com}; {@code <a@b>} → {@code a@b}. */
    static String address(String field) {
        String value = trim(field);
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            value = value.substring(semicolon + 1).trim();
        }
        int lt = value.indexOf('<');
        int gt = value.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            value = value.substring(lt + 1, gt).trim();
        }
        return value.contains("@") ? value : null;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String unfolded = value.replaceAll("\\r?\\n[ \\t]+", " ").trim();
        return unfolded.isEmpty() ? null : unfolded;
    }

    private static String lower(String value) {
        String t = trim(value);
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }
}
