package io.tidings.api.access;

import java.time.Instant;
import java.util.List;

/**
 * An API key as administrators see it: never its token, which only its issuer saw once.
 *
 * @param roles    the Tidings role names the key grants, e.g. {@code tidings-ingest}
 * @param unit     the organisational unit the key is limited to; null for none
 * @param lastUsed when a request last authenticated with it (to the minute); null if never
 */
public record ApiKey(String id, String name, List<String> roles, String unit, Instant created, Instant lastUsed) {

    public ApiKey {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
