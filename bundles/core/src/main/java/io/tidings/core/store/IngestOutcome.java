package io.tidings.core.store;

import java.util.List;

/**
 * @param duplicate        true when the event id was already recorded
 * @param communicationIds the ids stored for the event (the first time's ids for a duplicate)
 */
public record IngestOutcome(boolean duplicate, List<String> communicationIds) {
}
