package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.tidings.api.access.ApiKey;
import io.tidings.core.store.ApiKeyRepository.StoredApiKey;

/** API keys: stored with their token's hash, listed while active, found no more once revoked. */
public class JdbcApiKeysTest extends RepositoryContract {

    private static final String HASH = "a".repeat(64);

    private static ApiKey key(String id, String name) {
        return new ApiKey(id, name, List.of("tidings-ingest", "tidings-viewer"), null, NOW, null);
    }

    @Test
    public void aKeyIsStoredWithItsHashAndListed() {
        store.apiKeys().insertKey(key("k1", "crm"), HASH);
        store.apiKeys().insertKey(new ApiKey("k2", "billing", List.of("tidings-ingest"), null, NOW.plusSeconds(1), null),
                "b".repeat(64));

        StoredApiKey stored = store.apiKeys().activeKey("k1").orElseThrow();
        assertEquals(HASH, stored.tokenHash());
        assertEquals(key("k1", "crm"), stored.key());
        assertEquals(List.of("k1", "k2"), store.apiKeys().activeKeys().stream().map(ApiKey::id).toList());
        assertEquals(List.of("tidings-ingest"), store.apiKeys().activeKeys().get(1).roles());
    }

    @Test
    public void aRevokedKeyIsFoundNoMore() {
        store.apiKeys().insertKey(key("k1", "crm"), HASH);

        assertTrue(store.apiKeys().revokeKey("k1", NOW.plusSeconds(60)));

        assertTrue(store.apiKeys().activeKey("k1").isEmpty());
        assertTrue(store.apiKeys().activeKeys().isEmpty());
        assertFalse("revoked once only", store.apiKeys().revokeKey("k1", NOW.plusSeconds(120)));
        assertFalse(store.apiKeys().revokeKey("unknown", NOW));
    }

    @Test
    public void itsUseIsRecorded() {
        store.apiKeys().insertKey(key("k1", "crm"), HASH);
        assertNull(store.apiKeys().activeKey("k1").orElseThrow().key().lastUsed());

        store.apiKeys().markUsed("k1", NOW.plusSeconds(30));

        assertEquals(NOW.plusSeconds(30), store.apiKeys().activeKeys().get(0).lastUsed());
    }
}
