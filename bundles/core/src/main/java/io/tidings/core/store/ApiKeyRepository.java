package io.tidings.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.access.ApiKey;

/** API keys with the hash of their token; a revoked key stays in the store but is found no more. */
@ProviderType
public interface ApiKeyRepository {

    /** A key as stored: {@code tokenHash} is the hex SHA-256 of its token. */
    record StoredApiKey(ApiKey key, String tokenHash) {
    }

    void insertKey(ApiKey key, String tokenHash);

    /** The keys not revoked, oldest first. */
    List<ApiKey> activeKeys();

    /** The key if it exists and is not revoked. */
    Optional<StoredApiKey> activeKey(String id);

    /** @return false when no key of that id is active */
    boolean revokeKey(String id, Instant at);

    void markUsed(String id, Instant at);
}
