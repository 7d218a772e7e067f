package io.tidings.rest.health;

import java.util.Map;
import java.util.Set;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Medium;

/**
 * What one round trip to the store answered: the record by status and which of the media asked
 * about have QUEUED messages, or why the store did not answer.
 *
 * @param failure null when the store answered
 * @param millis  how long the round trip took, or how long it was awaited
 */
record StoreReading(Map<CommunicationStatus, Long> counts, Set<Medium> waiting, String failure, long millis) {

    StoreReading {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        waiting = waiting == null ? Set.of() : Set.copyOf(waiting);
    }

    static StoreReading answered(Map<CommunicationStatus, Long> counts, Set<Medium> waiting, long millis) {
        return new StoreReading(counts, waiting, null, millis);
    }

    static StoreReading failed(String failure, long millis) {
        return new StoreReading(Map.of(), Set.of(), failure, millis);
    }

    boolean reached() {
        return failure == null;
    }
}
