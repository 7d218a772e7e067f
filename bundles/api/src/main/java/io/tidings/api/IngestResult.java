package io.tidings.api;

import java.util.List;

/**
 * What became of a submitted event.
 *
 * @param duplicate        true when the event id was seen before (nothing new was created)
 * @param communicationIds the communications the event created (the same ids for a duplicate)
 */
public record IngestResult(boolean duplicate, List<String> communicationIds) {
    public IngestResult {
        communicationIds = List.copyOf(communicationIds);
    }
}
