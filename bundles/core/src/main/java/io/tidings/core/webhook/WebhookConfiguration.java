package io.tidings.core.webhook;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tidings webhooks",
        description = "How deliveries to the host's webhooks are retried and how long each may take")
public @interface WebhookConfiguration {

    @AttributeDefinition(name = "First retry (seconds)", description = "Wait after the first failed attempt; "
            + "each further failure doubles it (with ±20% jitter)", min = "1")
    int retryInitialSeconds() default 10;

    @AttributeDefinition(name = "Longest wait (seconds)", description = "The wait between attempts grows to this "
            + "and no further", min = "1")
    int retryMaxSeconds() default 3600;

    @AttributeDefinition(name = "Maximum age (seconds)", description = "A delivery not accepted within this time of "
            + "being queued is FAILED (an administrator can redrive it)", min = "1")
    int maxAgeSeconds() default 86400;

    @AttributeDefinition(name = "Timeout (seconds)", description = "How long one attempt may take to connect and "
            + "be answered", min = "1")
    int timeoutSeconds() default 10;

    @AttributeDefinition(name = "Keep (days)", description = "Delivered and failed deliveries older than this are "
            + "forgotten", min = "1")
    int keepDays() default 30;

    @AttributeDefinition(name = "Poll interval (milliseconds)", description = "How often each node looks for due "
            + "deliveries", min = "50")
    int pollMillis() default 1000;
}
