package io.tidings.core.store;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.link.LinkResponse;

/** What recipients did with their messages: dynamic links followed, tracked opens and clicks. */
@ProviderType
public interface EngagementRepository {

    /** Records the response once per communication and action. @return the response as stored (the first one) */
    LinkResponse saveLinkResponse(LinkResponse response);

    List<LinkResponse> linkResponses(String entityType, String entityId, Instant since, int limit);

    void recordOpen(String communicationId, Instant at);

    void recordClick(String communicationId, Instant at);

    io.tidings.api.link.Engagement engagement(String communicationId);

    io.tidings.api.link.EngagementSummary engagementSummary(String ruleKey, Instant since);
}
