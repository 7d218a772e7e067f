package io.tidings.api.link;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signed, expiring links that recipients follow to opt in or out, or to accept a response
 * (implemented by the engine; the HTTP endpoint that answers them calls {@link #follow}).
 */
@ProviderType
public interface DynamicLinks {

    /**
     * Acts on a link token: verifies its signature and expiry, then records its action once.
     *
     * @param token the last path segment of the link
     */
    LinkOutcome follow(String token);

    /**
     * The links followed for an entity, oldest first.
     *
     * @param entityType null for any
     * @param entityId   null for any
     * @param since      null for all time
     */
    List<LinkResponse> responses(String entityType, String entityId, Instant since, int limit);

    /** Opens and clicks of one email; empty counts when it was not tracked or nobody engaged. */
    Engagement engagement(String communicationId);

    /**
     * Opens and clicks over the emails sent since a moment.
     *
     * @param ruleKey null for every rule
     * @param since   null for all time
     */
    EngagementSummary engagement(String ruleKey, Instant since);
}
