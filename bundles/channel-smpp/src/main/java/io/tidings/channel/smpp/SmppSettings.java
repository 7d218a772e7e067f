package io.tidings.channel.smpp;

import java.time.Duration;
import java.util.Locale;

/**
 * One SMPP gateway account, validated: a bad value is rejected with the key at fault and nothing
 * of the configuration is applied.
 *
 * @param sourceTon        type of number of the sender, -1 to derive it from {@code sourceAddress}
 * @param sourceNpi        numbering plan of the sender, -1 to derive it from {@code sourceAddress}
 * @param responseTimeout  how long a submit_sm waits for its response before its outcome is unknown
 * @param maxParts         the most SMS parts one message may take (each is billed); a longer text fails permanently
 */
public record SmppSettings(String host, int port, String systemId, String password, String systemType,
        String sourceAddress, int sourceTon, int sourceNpi, int maxTps, int window, BindMode bindType,
        Duration enquireLink, Duration reconnectInitial, Duration reconnectMax, String defaultRegion,
        Concatenation concatenation, Duration responseTimeout, int maxParts) {

    /** Parts of one message unless configured: a long field in a template must not become hundreds of billed SMS. */
    public static final int DEFAULT_MAX_PARTS = 10;
    /** The concatenation header and the SAR TLVs count parts in one octet. */
    public static final int MOST_PARTS = 255;

    /** How the sessions are bound. */
    public enum BindMode {
        /** One transceiver session sends and receives receipts. */
        TRX,
        /** A transmitter session sends, a receiver session takes receipts. */
        TX_RX;

        static BindMode parse(String value) {
            String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('+', '_').replace('-', '_');
            return switch (v) {
                case "", "TRX", "TRANSCEIVER" -> TRX;
                case "TX_RX" -> TX_RX;
                default -> throw new IllegalArgumentException("bindType: '" + value + "' is neither TRX nor TX+RX");
            };
        }
    }

    public SmppSettings {
        require(host != null && !host.isBlank(), "host: required");
        require(port > 0 && port < 65536, "port: must be between 1 and 65535");
        require(systemId != null && !systemId.isBlank(), "systemId: required");
        require(systemId.length() <= 15, "systemId: at most 15 characters (SMPP 3.4)");
        require(password == null || password.length() <= 8, "password: at most 8 characters (SMPP 3.4)");
        require(systemType == null || systemType.length() <= 12, "systemType: at most 12 characters (SMPP 3.4)");
        require(sourceAddress != null && !sourceAddress.isBlank(), "sourceAddress: required");
        require(sourceAddress.length() <= 20, "sourceAddress: at most 20 characters");
        require(sourceTon >= -1 && sourceTon <= 6, "sourceTon: must be -1 (derive) or 0 to 6");
        require(sourceNpi >= -1 && sourceNpi <= 18, "sourceNpi: must be -1 (derive) or 0 to 18");
        require(maxTps >= 1, "maxTps: must be at least 1");
        require(window >= 1 && window <= 1000, "window: must be between 1 and 1000");
        require(bindType != null, "bindType: required");
        require(positive(enquireLink), "enquireLinkSeconds: must be at least 1");
        require(positive(reconnectInitial), "reconnectInitialMillis: must be positive");
        require(positive(reconnectMax) && reconnectMax.compareTo(reconnectInitial) >= 0,
                "reconnectMaxMillis: must be at least reconnectInitialMillis");
        require(defaultRegion == null || defaultRegion.isBlank() || PhoneNumbers.knownRegion(defaultRegion),
                "defaultRegion: '" + defaultRegion + "' is not an ISO 3166 country code libphonenumber knows");
        require(concatenation != null, "concatenation: required");
        require(positive(responseTimeout), "responseTimeoutMillis: must be positive");
        require(maxParts >= 1 && maxParts <= MOST_PARTS, "maxParts: must be between 1 and " + MOST_PARTS + ", was " + maxParts);
    }

    /** With at most {@link #DEFAULT_MAX_PARTS} parts per message. */
    public SmppSettings(String host, int port, String systemId, String password, String systemType,
            String sourceAddress, int sourceTon, int sourceNpi, int maxTps, int window, BindMode bindType,
            Duration enquireLink, Duration reconnectInitial, Duration reconnectMax, String defaultRegion,
            Concatenation concatenation, Duration responseTimeout) {
        this(host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi, maxTps, window, bindType,
                enquireLink, reconnectInitial, reconnectMax, defaultRegion, concatenation, responseTimeout,
                DEFAULT_MAX_PARTS);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static Concatenation concatenation(String value) {
        try {
            return Concatenation.valueOf(value == null || value.isBlank() ? "UDH" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("concatenation: '" + value + "' is not one of UDH, SAR, PAYLOAD");
        }
    }

    /** Same session parameters: a change elsewhere (TPS, window, region, concatenation) needs no rebind. */
    boolean sameSession(SmppSettings other) {
        return other != null && host.equals(other.host) && port == other.port && systemId.equals(other.systemId)
                && java.util.Objects.equals(password, other.password) && java.util.Objects.equals(systemType, other.systemType)
                && bindType == other.bindType && enquireLink.equals(other.enquireLink)
                && reconnectInitial.equals(other.reconnectInitial) && reconnectMax.equals(other.reconnectMax)
                && responseTimeout.equals(other.responseTimeout);
    }

    /** Without the password, for messages and logs. */
    @Override
    public String toString() {
        return "SmppSettings[" + systemId + "@" + host + ":" + port + ", " + bindType + ", maxTps " + maxTps + ", window "
                + window + ", maxParts " + maxParts + "]";
    }
}
