package io.tidings.api.run;

import java.util.Map;

import io.tidings.api.CommunicationStatus;

/**
 * How a run went: its communications by status, overall and by language and channel, the reasons
 * of those that did not go out, and what recipients did.
 *
 * @param events         events the run holds
 * @param communications communications by status; a status with none is absent
 * @param reasons        SUPPRESSED, FAILED and CANCELLED communications by reason
 * @param byLanguage     communications by language, then status
 * @param byChannel      communications by channel (the medium's name while none was chosen), then status
 */
public record RunReport(NotificationRun run, long events, Map<CommunicationStatus, Long> communications,
        Map<String, Long> reasons, RunEngagement engagement, Map<String, Map<CommunicationStatus, Long>> byLanguage,
        Map<String, Map<CommunicationStatus, Long>> byChannel) {
}
