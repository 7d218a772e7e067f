package io.tidings.channel.smtp;

import java.time.Duration;
import java.util.Properties;

import io.tidings.api.suppression.SuppressionScope;

/**
 * The bounce mailbox of one SMTP account, read over IMAP (IMAPS with {@code tls}).
 *
 * @param complaintScope what a complaint suppresses: MARKETING (the default) or ALL
 */
record BounceSettings(String host, int port, boolean tls, String user, String password, String folder,
        Duration pollInterval, SuppressionScope complaintScope) {

    /** @throws IllegalArgumentException naming the configuration key at fault */
    BounceSettings {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("bouncePort: must be between 1 and 65535, was " + port);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("bounceUser: is required with bounceHost");
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("bouncePollSeconds: must be at least 1");
        }
    }

    /** Null when no bounce host is configured. */
    static BounceSettings of(String host, int port, boolean tls, String user, String password, String folder,
            int pollSeconds, String complaintScope) {
        if (host == null || host.isBlank()) {
            return null;
        }
        return new BounceSettings(host.strip(), port, tls, user == null ? null : user.strip(), password, folder,
                Duration.ofSeconds(pollSeconds), SuppressionScope.parse(complaintScope, "complaintScope",
                        SuppressionScope.MARKETING));
    }

    String protocol() {
        return tls ? "imaps" : "imap";
    }

    Properties sessionProperties() {
        Properties props = new Properties();
        String p = "mail." + protocol() + ".";
        props.setProperty(p + "host", host);
        props.setProperty(p + "port", Integer.toString(port));
        props.setProperty(p + "connectiontimeout", "10000");
        props.setProperty(p + "timeout", "30000");
        props.setProperty(p + "writetimeout", "30000");
        props.setProperty(p + "ssl.checkserveridentity", "true");
        return props;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "BounceSettings[" + user + "@" + host + ":" + port + (tls ? " TLS" : "") + " " + folder + "]";
    }
}
