package io.tidings.channel.webhook;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One webhook endpoint: {@code etc/io.tidings.channel.webhook-<alias>.cfg}. */
@ObjectClassDefinition(name = "Tidings webhook channel",
        description = "The WEBHOOK medium: each message's JSON payload POSTed to a URL, signed with HMAC-SHA256. "
                + "One factory configuration per endpoint; changes apply without a restart.")
@interface WebhookChannelConfig {

    @AttributeDefinition(name = "URL", description = "Where the payloads are POSTed (http or https)")
    String url();

    // Never published as a service property: the component registers its service itself.
    @AttributeDefinition(name = "Secret", type = AttributeType.PASSWORD,
            description = "The HMAC-SHA256 key of the X-Tidings-Signature header; at least 16 characters")
    String secret();

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    int connectTimeoutMillis() default 5_000;

    @AttributeDefinition(name = "Request timeout (ms)", description = "A request not answered within this has an unknown outcome", min = "1")
    int requestTimeoutMillis() default 15_000;

    @AttributeDefinition(name = "Allow internal addresses", required = false,
            description = "Whether the URL may resolve to a loopback, private or link-local address (an endpoint inside your own network)")
    boolean allowInternalAddresses() default false;

    @AttributeDefinition(name = "Priority", description = "Routing priority among channels for WEBHOOK (higher first)")
    int channel_priority() default 0;

    @AttributeDefinition(name = "Name", description = "Channel name recorded on each communication; empty for webhook-<alias>", required = false)
    String name() default "";

    String webconsole_configurationFactory_nameHint() default "{name} to {url}";
}
