package io.tidings.channel.httpsms;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One HTTP SMS gateway account: {@code etc/io.tidings.channel.httpsms-<alias>.cfg}. */
@ObjectClassDefinition(name = "Tidings HTTP SMS channel",
        description = "SMS through a CM-style JSON HTTP gateway. One factory configuration per account; "
                + "changes apply without a restart.")
@interface HttpSmsChannelConfig {

    @AttributeDefinition(name = "URL", description = "The gateway's send endpoint, e.g. https://gw.cmtelecom.com/v1.0/message")
    String url();

    // Never published as a service property: the component registers its services itself.
    @AttributeDefinition(name = "Product token", type = AttributeType.PASSWORD)
    String token();

    @AttributeDefinition(name = "Sender", description = "Sender shown to the recipient: up to 11 letters or a number")
    String sender();

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    int connectTimeoutMillis() default 5_000;

    @AttributeDefinition(name = "Request timeout (ms)", description = "A request not answered within this has an unknown outcome", min = "1")
    int requestTimeoutMillis() default 15_000;

    @AttributeDefinition(name = "Callback token", type = AttributeType.PASSWORD, required = false,
            description = "Delivery reports must carry it in the X-Tidings-Token header; at least 24 characters; empty refuses them")
    String callbackToken() default "";

    @AttributeDefinition(name = "Priority", description = "Routing priority among channels for SMS (higher first)")
    int channel_priority() default 0;

    @AttributeDefinition(name = "Name", description = "Channel name recorded on each communication and the last segment of its callback path; empty for httpsms-<alias>", required = false)
    String name() default "";

    String webconsole_configurationFactory_nameHint() default "{name} {sender} via {url}";
}
