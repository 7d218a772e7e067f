package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;

import io.tidings.api.ValidationException;
import io.tidings.api.access.ApiKey;
import io.tidings.api.access.IssuedApiKey;
import io.tidings.core.access.CoreApiKeys;

/** The API key service on a real store: the token once, only its hash kept, revocation at once. */
public class ApiKeysOnStoreTest extends RepositoryContract {

    private CoreApiKeys keys() {
        return new CoreApiKeys(store.apiKeys(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    public void anIssuedTokenAuthenticatesItsKeyAndOnlyItsHashIsStored() throws Exception {
        IssuedApiKey issued = keys().issue(" crm ", List.of("tidings-ingest"), null);

        assertEquals("crm", issued.key().name());
        assertTrue(issued.token(), issued.token().startsWith("tid_" + issued.key().id() + "_"));
        ApiKey found = keys().authenticate(issued.token()).orElseThrow();
        assertEquals(issued.key().id(), found.id());
        assertEquals(List.of("tidings-ingest"), found.roles());
        assertEquals(NOW, keys().keys().get(0).lastUsed());
        try (Connection c = dataSource().getConnection();
                PreparedStatement select = c.prepareStatement("SELECT token_hash FROM tidings_api_key");
                ResultSet rs = select.executeQuery()) {
            assertTrue(rs.next());
            assertNotEquals(issued.token(), rs.getString(1));
            assertFalse("the secret is nowhere in the row", issued.token().contains(rs.getString(1)));
            assertEquals(64, rs.getString(1).length());
        }
    }

    @Test
    public void aWrongSecretAMalformedTokenAndARevokedKeyAuthenticateNothing() {
        IssuedApiKey issued = keys().issue("crm", List.of("tidings-ingest"), null);
        String token = issued.token();

        assertTrue(keys().authenticate(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))
                .isEmpty());
        assertTrue(keys().authenticate("tid_" + issued.key().id()).isEmpty());
        assertTrue(keys().authenticate("not-a-token").isEmpty());
        assertTrue(keys().authenticate(null).isEmpty());

        assertTrue(keys().revoke(issued.key().id()));
        assertTrue(keys().authenticate(token).isEmpty());
        assertTrue(keys().keys().isEmpty());
        assertFalse(keys().revoke(issued.key().id()));
    }

    @Test
    public void badRequestsNameTheFieldAtFault() {
        assertEquals("roles", assertThrows(ValidationException.class,
                () -> keys().issue("crm", List.of(), null)).field());
        assertEquals("roles[1]", assertThrows(ValidationException.class,
                () -> keys().issue("crm", List.of("tidings-ingest", "admin"), null)).field());
        assertEquals("name", assertThrows(ValidationException.class,
                () -> keys().issue(" ", List.of("tidings-ingest"), null)).field());
        assertEquals("unit", assertThrows(ValidationException.class,
                () -> keys().issue("crm", List.of("tidings-ingest"), "kyiv")).field());
        keys().issue("crm", List.of("tidings-ingest"), null);
        assertEquals("name", assertThrows(ValidationException.class,
                () -> keys().issue("crm", List.of("tidings-viewer"), null)).field());
    }
}
