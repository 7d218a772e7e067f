package io.tidings.channel.smtp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One SMTP account: {@code etc/io.tidings.channel.smtp~<alias>.cfg}. The keys are a public contract
 * (DESIGN.md), so the method names map one to one onto them.
 */
@ObjectClassDefinition(name = "Tidings SMTP channel",
        description = "One SMTP account that sends Tidings email. One factory configuration per account; "
                + "changes apply without a restart.")
@interface SmtpChannelConfig {

    @AttributeDefinition(name = "Host", description = "SMTP server host name or address")
    String host() default "localhost";

    @AttributeDefinition(name = "Port", description = "SMTP server port (25, or 587 for submission with STARTTLS)", min = "1", max = "65535")
    int port() default 25;

    @AttributeDefinition(name = "User name", description = "Login for SMTP AUTH; empty for none", required = false)
    String username() default "";

    // Never published as a service property: the component registers its service itself.
    @AttributeDefinition(name = "Password", description = "Password for SMTP AUTH", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "STARTTLS", description = "Require STARTTLS before authenticating and sending")
    boolean startTls() default false;

    @AttributeDefinition(name = "From", description = "Sender of every message, e.g. Shop <noreply@example.com>")
    String from();

    @AttributeDefinition(name = "Connection timeout (ms)", min = "1")
    int connectionTimeout() default 10_000;

    @AttributeDefinition(name = "Read timeout (ms)", description = "How long to wait for each server reply", min = "1")
    int timeout() default 30_000;

    @AttributeDefinition(name = "Write timeout (ms)", description = "How long one write to the server may block; "
            + "a server that stops reading mid-message fails the send (transiently) after this", min = "1")
    int writeTimeout() default 30_000;

    @AttributeDefinition(name = "Longest probe delay (ms)", description = "While the server cannot be used the channel "
            + "probes it, backing off from 1 s to at most this; sending resumes within it once the server is back", min = "1")
    int probeMaxDelay() default 5_000;

    @AttributeDefinition(name = "Pool size", description = "Connections kept open and reused, each with its own sending thread", min = "1", max = "64")
    int poolSize() default 2;

    @AttributeDefinition(name = "Priority", description = "Routing priority; when several channels serve EMAIL the highest is used first")
    int channel_priority() default 0;

    @AttributeDefinition(name = "Name", description = "Channel name recorded on each communication; empty for smtp-<alias of the configuration>", required = false)
    String name() default "";

    @AttributeDefinition(name = "DKIM domain", description = "Signing domain (d=), e.g. example.com; empty: messages "
            + "are not signed", required = false)
    String dkimDomain() default "";

    @AttributeDefinition(name = "DKIM selector", description = "Selector (s=) whose DNS TXT record "
            + "<selector>._domainkey.<domain> holds the public key", required = false)
    String dkimSelector() default "";

    @AttributeDefinition(name = "DKIM key file", description = "Private key, PKCS#8 PEM (-----BEGIN PRIVATE KEY-----), "
            + "RSA 2048 or Ed25519", required = false)
    String dkimKeyFile() default "";

    @AttributeDefinition(name = "DKIM signed headers", description = "Header fields to sign, in order; empty for From, "
            + "Reply-To, To, Cc, Subject, Date, Message-ID, MIME-Version, Content-Type, Content-Transfer-Encoding, "
            + "Content-Language, List-Unsubscribe, List-Unsubscribe-Post", required = false)
    String[] dkimHeaders() default {};

    @AttributeDefinition(name = "Return path", description = "Envelope sender (Return-Path) that bounces go to, "
            + "e.g. bounce@example.com; empty for the From address", required = false)
    String returnPath() default "";

    @AttributeDefinition(name = "VERP", description = "Send each message from bounce+<communication id>@domain of the "
            + "return path, so that a bounce names its communication")
    boolean verp() default false;

    @AttributeDefinition(name = "Message-ID domain", description = "Domain on the right of every Message-ID; empty for "
            + "the domain of From", required = false)
    String messageIdDomain() default "";

    @AttributeDefinition(name = "Reply-To", description = "Address replies go to when neither the message's rule nor "
            + "its template names one, e.g. support@example.com; empty: replies go to From", required = false)
    String replyTo() default "";

    @AttributeDefinition(name = "Bounce mailbox host", description = "IMAP server of the mailbox that bounces and "
            + "complaints arrive in; empty: no bounce processing", required = false)
    String bounceHost() default "";

    @AttributeDefinition(name = "Bounce mailbox port", min = "1", max = "65535")
    int bouncePort() default 993;

    @AttributeDefinition(name = "Bounce mailbox TLS", description = "IMAPS (TLS from the start)")
    boolean bounceTls() default true;

    @AttributeDefinition(name = "Bounce mailbox user", required = false)
    String bounceUser() default "";

    @AttributeDefinition(name = "Bounce mailbox password", type = AttributeType.PASSWORD, required = false)
    String bouncePassword() default "";

    @AttributeDefinition(name = "Bounce mailbox folder", required = false)
    String bounceFolder() default "INBOX";

    @AttributeDefinition(name = "Bounce mailbox poll interval (s)", min = "1")
    int bouncePollSeconds() default 60;

    @AttributeDefinition(name = "Complaint scope", description = "What a complaint suppresses: MARKETING or ALL")
    String complaintScope() default "MARKETING";

    @AttributeDefinition(name = "SendGrid webhook key", description = "Verification key of SendGrid's signed Event "
            + "Webhook (base64); set, the webhook is served at /tidings/api/v1/callbacks/sendgrid/<channel name>",
            required = false)
    String sendgridWebhookKey() default "";

    String webconsole_configurationFactory_nameHint() default "{name} {from} via {host}:{port}";

    @AttributeDefinition(name = "Amazon SES webhook", description = "Serve Amazon SES bounce and complaint "
            + "notifications over SNS at /tidings/api/v1/callbacks/ses/<channel name> (each SNS signature is checked)")
    boolean sesWebhook() default false;

    @AttributeDefinition(name = "SES topic ARN", description = "Accept notifications of this SNS topic only; empty "
            + "for any topic whose signature is valid", required = false)
    String sesTopicArn() default "";

    @AttributeDefinition(name = "SES auto-confirm", description = "Open the SubscribeURL of a subscription "
            + "confirmation automatically (only https://…amazonaws.com addresses); else it is logged for the operator")
    boolean sesAutoConfirm() default false;

    @AttributeDefinition(name = "SES test certificate prefix", description = "TESTS ONLY: SNS signing "
            + "certificates may also be fetched from https addresses starting with this; leave empty in production",
            required = false)
    String sesTestCertificatePrefix() default "";
}
