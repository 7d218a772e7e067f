package io.tidings.channel.smpp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One SMPP gateway: {@code etc/io.tidings.channel.smpp-<alias>.cfg}. The keys are a public contract.
 */
@ObjectClassDefinition(name = "Tidings SMPP channel",
        description = "One SMPP 3.4 gateway (SMSC account) that sends Tidings SMS. One factory configuration per "
                + "gateway, each with its own session; changes apply without a restart.")
@interface SmppChannelConfig {

    @AttributeDefinition(name = "Host", description = "SMSC host name or address")
    String host() default "localhost";

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 2775;

    @AttributeDefinition(name = "System id", description = "ESME account (system_id) given by the SMSC")
    String systemId();

    // Never published as a service property: the component registers its service itself.
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "System type", required = false)
    String systemType() default "";

    @AttributeDefinition(name = "Source address", description = "Sender shown to the recipient: a number or up to 11 letters")
    String sourceAddress();

    @AttributeDefinition(name = "Source TON", description = "Type of number of the sender; -1 derives it (alphanumeric 5, +number 1)", min = "-1", max = "6")
    int sourceTon() default -1;

    @AttributeDefinition(name = "Source NPI", description = "Numbering plan of the sender; -1 derives it", min = "-1", max = "18")
    int sourceNpi() default -1;

    @AttributeDefinition(name = "Max TPS", description = "At most this many submit_sm per second (each part of a long message counts)", min = "1")
    int maxTps() default 50;

    @AttributeDefinition(name = "Window", description = "submit_sm sent and not yet answered", min = "1", max = "1000")
    int window() default 10;

    @AttributeDefinition(name = "Bind type", options = {@Option(label = "Transceiver", value = "TRX"),
            @Option(label = "Transmitter and receiver", value = "TX+RX")})
    String bindType() default "TRX";

    @AttributeDefinition(name = "Enquire link (s)", description = "Keep-alive interval", min = "1")
    int enquireLinkSeconds() default 30;

    @AttributeDefinition(name = "First reconnect delay (ms)", min = "1")
    int reconnectInitialMillis() default 1_000;

    @AttributeDefinition(name = "Longest reconnect delay (ms)", min = "1")
    int reconnectMaxMillis() default 60_000;

    @AttributeDefinition(name = "Response timeout (ms)", description = "A submit_sm not answered within this has an unknown outcome", min = "1")
    int responseTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Default region", description = "ISO 3166 country for numbers written without +, e.g. UA", required = false)
    String defaultRegion() default "";

    @AttributeDefinition(name = "Concatenation", options = {@Option(label = "UDH", value = "UDH"),
            @Option(label = "SAR TLVs", value = "SAR"), @Option(label = "message_payload", value = "PAYLOAD")})
    String concatenation() default "UDH";

    @AttributeDefinition(name = "Most parts", description = "The most SMS parts one message may take (each is billed); "
            + "a longer text fails permanently before anything is submitted", min = "1", max = "255")
    int maxParts() default SmppSettings.DEFAULT_MAX_PARTS;

    @AttributeDefinition(name = "Priority", description = "Routing priority among channels for SMS (higher first)")
    int channel_priority() default 0;

    @AttributeDefinition(name = "Name", description = "Channel name recorded on each communication; empty for smpp-<alias>", required = false)
    String name() default "";

    @AttributeDefinition(name = "Stop keywords", description = "Only with an engine that predates incoming messages: a reply "
            + "that is one of these words (any case) opts the phone out of marketing; the engine's keywords are "
            + "configured in io.tidings.inbound", required = false)
    String[] stopKeywords() default {"STOP", "STOPP", "UNSUBSCRIBE", "СТОП", "ARRET", "ARRÊT"};

    String webconsole_configurationFactory_nameHint() default "{name} {systemId}@{host}:{port}";
}
