package io.tidings.channel.smtp;

/** Bounce mailbox messages as receiving servers write them: a DSN (RFC 3464) and an ARF report (RFC 5965). */
final class Reports {

    private Reports() {
    }

    /** A hard bounce of the message {@code messageId} to {@code recipient}, sent to {@code to}. */
    static String dsn(String to, String recipient, String messageId) {
        return String.join("\r\n",
                "From: Mail Delivery System <MAILER-DAEMON@mx.example.dk>",
                "To: " + to,
                "Subject: Undelivered Mail Returned to Sender",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"",
                "",
                "--B1",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "I'm sorry to have to inform you that your message could not be delivered.",
                "",
                "--B1",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.dk",
                "Arrival-Date: Mon, 23 Nov 2026 10:00:00 +0100",
                "",
                "Final-Recipient: rfc822; " + recipient,
                "Original-Recipient: rfc822;" + recipient,
                "Action: failed",
                "Status: 5.1.1",
                "Remote-MTA: dns; mx.example.dk",
                "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected:",
                " User unknown in virtual mailbox table",
                "",
                "--B1",
                "Content-Type: text/rfc822-headers",
                "",
                "Return-Path: <" + to + ">",
                "From: Shop <noreply@example.com>",
                "To: " + recipient,
                "Subject: Ordre R-7 er klar",
                "Message-ID: " + messageId,
                "",
                "--B1--",
                "");
    }

    /** A delayed delivery (soft bounce). */
    static String delayed(String to, String recipient) {
        return dsn(to, recipient, "<x@example.com>").replace("Action: failed", "Action: delayed")
                .replace("Status: 5.1.1", "Status: 4.4.1");
    }

    /** An abuse report from a mailbox provider's feedback loop about a message to {@code recipient}. */
    static String arf(String to, String recipient, String messageId) {
        return String.join("\r\n",
                "From: Feedback Loop <fbl@isp.example.net>",
                "To: " + to,
                "Subject: FW: Tilbud",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"B2\"",
                "",
                "--B2",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "This is an email abuse report for an email message received from IP 192.0.2.1.",
                "",
                "--B2",
                "Content-Type: message/feedback-report",
                "",
                "Feedback-Type: abuse",
                "User-Agent: SomeGenerator/1.0",
                "Version: 1",
                "Original-Mail-From: <" + to + ">",
                "Original-Rcpt-To: <" + recipient + ">",
                "Arrival-Date: Mon, 23 Nov 2026 10:00:00 +0100",
                "",
                "--B2",
                "Content-Type: message/rfc822",
                "Content-Disposition: inline",
                "",
                "From: Shop <noreply@example.com>",
                "To: " + recipient,
                "Subject: Tilbud",
                "Message-ID: " + messageId,
                "",
                "20% rabat",
                "--B2--",
                "");
    }
}
