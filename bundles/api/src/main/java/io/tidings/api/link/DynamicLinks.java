package io.tidings.api.link;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signed, expiring links that recipients follow to opt in or out, or to accept a response
 * (implemented by the engine; the HTTP endpoint that answers them calls {@link #open} for a GET
 * and {@link #follow} for the confirmation or a mail client's one-click unsubscribe).
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
     * What opening a link in a browser (a GET) does. Tracking links act at once (an opening, a
     * click). An action link records nothing yet and answers {@link LinkOutcome.Result#CONFIRM}:
     * mail scanners and previewers fetch every link of a message, so the recipient confirms on the
     * page, and the confirmation calls {@link #follow}.
     *
     * @param token the last path segment of the link
     * @since 1.1
     */
    LinkOutcome open(String token);

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
