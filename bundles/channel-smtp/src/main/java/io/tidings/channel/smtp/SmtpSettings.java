package io.tidings.channel.smtp;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

/**
 * How to reach one SMTP account, validated as a whole. Usable without OSGi (tests, benchmarks):
 * {@code new SmtpSettings("127.0.0.1", 2525, null, null, false, "Shop <noreply@example.com>",
 * Duration.ofSeconds(10), Duration.ofSeconds(30), 2)}.
 */
public final class SmtpSettings {

    /** How long one write to the server may block: a stalled DATA must end well within the engine's lease. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** The longest wait between two recovery probes: sending resumes within this once the server is back. */
    public static final Duration DEFAULT_PROBE_MAX_DELAY = Duration.ofSeconds(5);

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean startTls;
    private final InternetAddress from;
    private final Duration connectionTimeout;
    private final Duration timeout;
    private final Duration writeTimeout;
    private final Duration probeMaxDelay;
    private final int poolSize;
    private DkimSettings dkim;
    private String returnPath;
    private boolean verp;
    private String messageIdDomain;
    private String replyTo;

    /**
     * With the default write timeout ({@link #DEFAULT_WRITE_TIMEOUT}) and recovery probe cap ({@link #DEFAULT_PROBE_MAX_DELAY}).
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public SmtpSettings(String host, int port, String username, String password, boolean startTls, String from,
            Duration connectionTimeout, Duration timeout, int poolSize) {
        this(host, port, username, password, startTls, from, connectionTimeout, timeout, DEFAULT_WRITE_TIMEOUT, poolSize,
                DEFAULT_PROBE_MAX_DELAY);
    }

    /**
     * @param timeout       how long to wait for each server reply
     * @param writeTimeout  how long one write to the server may block (a server that stops reading mid-DATA)
     * @param probeMaxDelay the longest wait between two recovery probes while the account cannot be used
     * @throws IllegalArgumentException naming the field at fault
     */
    public SmtpSettings(String host, int port, String username, String password, boolean startTls, String from,
            Duration connectionTimeout, Duration timeout, Duration writeTimeout, int poolSize, Duration probeMaxDelay) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port: must be between 1 and 65535, was " + port);
        }
        if (poolSize < 1 || poolSize > 64) {
            throw new IllegalArgumentException("poolSize: must be between 1 and 64, was " + poolSize);
        }
        this.host = host.trim();
        this.port = port;
        this.username = username == null || username.isBlank() ? null : username.trim();
        this.password = password == null ? "" : password;
        this.startTls = startTls;
        this.from = parseFrom(from);
        this.connectionTimeout = positive(connectionTimeout, "connectionTimeout");
        this.timeout = positive(timeout, "timeout");
        this.writeTimeout = positive(writeTimeout, "writeTimeout");
        this.probeMaxDelay = positive(probeMaxDelay, "probeMaxDelay");
        this.poolSize = poolSize;
    }

    private static InternetAddress parseFrom(String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("from: is required, e.g. Shop <noreply@example.com>");
        }
        try {
            InternetAddress address = new InternetAddress(from.trim(), true);
            if (address.isGroup()) {
                throw new IllegalArgumentException("from: must be one address, not a group");
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("from: '" + from + "' is not an email address (" + e.getMessage()
                    + "), expected e.g. Shop <noreply@example.com>", e);
        }
    }

    private static Duration positive(Duration value, String field) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + ": must be a positive number of milliseconds, was " + value);
        }
        return value;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Null when the server needs no login. */
    public String username() {
        return username;
    }

    /**
     * Null without a user name: Jakarta Mail would otherwise log in as the JVM's user with an
     * empty password.
     */
    String password() {
        return username == null ? null : password;
    }

    public boolean startTls() {
        return startTls;
    }

    /** A copy: InternetAddress is mutable. */
    public InternetAddress from() {
        return (InternetAddress) from.clone();
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    public Duration probeMaxDelay() {
        return probeMaxDelay;
    }

    public int poolSize() {
        return poolSize;
    }

    /**
     * These settings signing every message with DKIM; null for none.
     */
    public SmtpSettings withDkim(DkimSettings dkim) {
        SmtpSettings copy = copy();
        copy.dkim = dkim;
        return copy;
    }

    /**
     * These settings with an envelope sender (Return-Path) of their own instead of the From address;
     * with {@code verp}, {@code bounce@example.com} becomes {@code bounce+<communication id>@example.com}
     * for each message, so that a bounce names its communication.
     *
     * @param returnPath an address, or null or blank for the From address
     * @throws IllegalArgumentException naming {@code returnPath}
     */
    public SmtpSettings withReturnPath(String returnPath, boolean verp) {
        SmtpSettings copy = copy();
        if (returnPath == null || returnPath.isBlank()) {
            if (verp) {
                throw new IllegalArgumentException("returnPath: is required for verp, e.g. bounce@example.com");
            }
            copy.returnPath = null;
        } else {
            copy.returnPath = bareAddress(returnPath, "returnPath", "bounce@example.com");
        }
        copy.verp = verp;
        return copy;
    }

    /**
     * These settings with a default {@code Reply-To} for messages whose template and rule name none.
     *
     * @param replyTo an address, or null or blank for none (replies go to From)
     * @throws IllegalArgumentException naming {@code replyTo}
     */
    public SmtpSettings withReplyTo(String replyTo) {
        SmtpSettings copy = copy();
        copy.replyTo = replyTo == null || replyTo.isBlank() ? null : bareAddress(replyTo, "replyTo", "support@example.com");
        return copy;
    }

    private static String bareAddress(String value, String field, String example) {
        try {
            InternetAddress address = new InternetAddress(value.strip(), true);
            if (address.getPersonal() != null || !address.getAddress().contains("@")) {
                throw new AddressException("a bare address is expected");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a bare email address ("
                    + e.getMessage() + "), expected e.g. " + example, e);
        }
    }

    /** The configured default Reply-To, null for none. */
    String replyTo() {
        return replyTo;
    }

    /**
     * These settings with the domain on the right of every Message-ID; null or blank for the domain of From.
     *
     * @throws IllegalArgumentException naming {@code messageIdDomain}
     */
    public SmtpSettings withMessageIdDomain(String domain) {
        SmtpSettings copy = copy();
        if (domain == null || domain.isBlank()) {
            copy.messageIdDomain = null;
        } else if (!domain.strip().matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+")) {
            throw new IllegalArgumentException("messageIdDomain: must be a domain name such as mail.example.com, was '"
                    + domain + "'");
        } else {
            copy.messageIdDomain = domain.strip().toLowerCase(java.util.Locale.ROOT);
        }
        return copy;
    }

    private SmtpSettings copy() {
        SmtpSettings copy = new SmtpSettings(host, port, username, password, startTls, from.toString(), connectionTimeout,
                timeout, writeTimeout, poolSize, probeMaxDelay);
        copy.dkim = dkim;
        copy.returnPath = returnPath;
        copy.verp = verp;
        copy.messageIdDomain = messageIdDomain;
        copy.replyTo = replyTo;
        return copy;
    }

    /** Null when messages are not signed. */
    public DkimSettings dkim() {
        return dkim;
    }

    /**
     * The envelope sender of a message: the configured return path (with the communication id
     * after a {@code +} under VERP), null for the From address.
     */
    String envelopeSender(String communicationId) {
        if (returnPath == null || !verp || communicationId == null || communicationId.isBlank()) {
            return returnPath;
        }
        int at = returnPath.lastIndexOf('@');
        String id = communicationId.replaceAll("[^A-Za-z0-9._-]", "");
        return id.isEmpty() ? returnPath : returnPath.substring(0, at) + "+" + id + returnPath.substring(at);
    }

    /** The domain on the right of Message-IDs: the configured one, else the sender's. */
    String messageIdDomain() {
        return messageIdDomain != null ? messageIdDomain : senderDomain();
    }

    /** The domain of the sender. */
    String senderDomain() {
        String address = from.getAddress();
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "tidings.invalid" : address.substring(at + 1);
    }

    /** Session properties for Jakarta Mail (values that are objects, such as the socket factory, included). */
    Properties sessionProperties() {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", host);
        props.setProperty("mail.smtp.port", Integer.toString(port));
        props.setProperty("mail.smtp.connectiontimeout", Long.toString(connectionTimeout.toMillis()));
        props.setProperty("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        // The read timeout does not cover writes: without this a server that stops reading mid-DATA holds
        // the thread (and the message) for ever, past the engine's lease, and the message goes out twice.
        props.setProperty("mail.smtp.writetimeout", Long.toString(writeTimeout.toMillis()));
        props.setProperty("mail.smtp.auth", Boolean.toString(username != null));
        props.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
        props.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        props.setProperty("mail.smtp.from", from.getAddress());
        // 8BITMIME keeps Cyrillic bodies near their UTF-8 size instead of tripling them in quoted-printable.
        // A signed message must go out as signed: no 8-bit conversion by the transport after signing (RFC 6376 5.3).
        props.setProperty("mail.smtp.allow8bitmime", Boolean.toString(dkim == null));
        props.setProperty("mail.mime.charset", "UTF-8");
        // An instance, not a class name: the mail bundle cannot load classes of this bundle.
        props.put("mail.smtp.socketFactory", NoDelaySocketFactory.INSTANCE);
        props.setProperty("mail.smtp.socketFactory.fallback", "false");
        return props;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmtpSettings s && host.equals(s.host) && port == s.port && Objects.equals(username, s.username)
                && password.equals(s.password) && startTls == s.startTls && from.equals(s.from)
                && connectionTimeout.equals(s.connectionTimeout) && timeout.equals(s.timeout) && writeTimeout.equals(s.writeTimeout)
                && poolSize == s.poolSize && probeMaxDelay.equals(s.probeMaxDelay) && Objects.equals(dkim, s.dkim)
                && Objects.equals(returnPath, s.returnPath) && verp == s.verp
                && Objects.equals(messageIdDomain, s.messageIdDomain) && Objects.equals(replyTo, s.replyTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, startTls, from, poolSize);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "SmtpSettings[" + (username == null ? "" : username + "@") + host + ":" + port
                + (startTls ? " STARTTLS" : "") + ", poolSize=" + poolSize + "]";
    }
}
