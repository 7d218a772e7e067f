package io.tidings.core.engine;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tidings dispatch",
        description = "How the engine claims due communications and retries transient failures")
public @interface DispatchConfiguration {

    @AttributeDefinition(name = "Batch size", description = "Communications claimed per round", min = "1")
    int batchSize() default 50;

    @AttributeDefinition(name = "Sends in flight", description = "Sends handed to channels and not yet answered, at most", min = "1")
    int maxInFlight() default 200;

    @AttributeDefinition(name = "Attempts", description = "Attempts of a message, at most, before a transient failure "
            + "becomes FAILED (waiting for a channel to become available costs none)", min = "1")
    int maxAttempts() default 100;

    @AttributeDefinition(name = "Retry budget (minutes)", description = "How long after it became due a message that "
            + "keeps failing transiently is still retried; a provider outage shorter than this loses nothing", min = "1")
    long retryBudgetMinutes() default 720;

    @AttributeDefinition(name = "Backoff base (ms)", description = "Wait after the first failure; doubles with each attempt", min = "1")
    long backoffBaseMillis() default 2_000;

    @AttributeDefinition(name = "Backoff cap (ms)", description = "Longest wait between attempts", min = "1")
    long backoffMaxMillis() default 600_000;

    @AttributeDefinition(name = "Lease (s)", description = "A claimed communication whose send is not answered within this is queued again, marked outcome unknown", min = "5")
    long leaseSeconds() default 120;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the queue is checked when nothing wakes the dispatcher", min = "10")
    long pollMillis() default 500;

    @AttributeDefinition(name = "Attachments (MB)", description = "The files of one email together, at most (larger: FAILED)", min = "1")
    int attachmentMaxMegabytes() default 10;

    @AttributeDefinition(name = "Attachment fetch timeout (s)", description = "Fetching a template's file from its URL; a timeout is retried", min = "1")
    int attachmentTimeoutSeconds() default 20;

    @AttributeDefinition(name = "Attachment hosts allowed inside", description = "Host names or CIDR ranges "
            + "(10.0.0.0/8, 127.0.0.1) a template's file may be fetched from although their address is internal "
            + "(loopback, private, link-local, unspecified, multicast); others are refused (FAILED)")
    String[] attachmentAllowedHosts() default {};

    @AttributeDefinition(name = "Frequency caps by purpose", description = "At most this many messages to one contact "
            + "per period for every rule of a purpose without a cap of its own, written PURPOSE=max/period: "
            + "MARKETING=3/P1D, AFFILIATE_MARKETING=1/P7D. TRANSACTIONAL takes none; a message over its cap is "
            + "SUPPRESSED with the reason 'frequency cap: 3 per P1D'")
    String[] frequencyCaps() default {};

    @AttributeDefinition(name = "Retention (days)", description = "Communications done with (sent, delivered, failed, "
            + "cancelled, suppressed) and their events leave the record after this many days; 0 keeps them for good", min = "0")
    int retentionDays() default 0;
}
