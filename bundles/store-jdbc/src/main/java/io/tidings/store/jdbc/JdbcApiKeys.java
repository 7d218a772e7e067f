package io.tidings.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.tidings.api.access.ApiKey;
import io.tidings.core.store.ApiKeyRepository;

/** API keys over JDBC; roles are stored as a comma-separated list of role names. */
public final class JdbcApiKeys implements ApiKeyRepository {

    private static final String COLUMNS = "id, name, roles, unit, created_at, last_used_at, token_hash";

    private final Transactions tx;

    JdbcApiKeys(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void insertKey(ApiKey key, String tokenHash) {
        tx.update("INSERT INTO tidings_api_key (id, name, roles, unit, token_hash, created_at) VALUES (?,?,?,?,?,?)",
                key.id(), key.name(), String.join(",", key.roles()), key.unit(), tokenHash,
                key.created().toEpochMilli());
    }

    @Override
    public List<ApiKey> activeKeys() {
        return tx.transaction(c -> {
            List<ApiKey> keys = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tidings_api_key WHERE revoked_at IS NULL ORDER BY created_at, id");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(key(rs));
                }
            }
            return keys;
        });
    }

    @Override
    public Optional<StoredApiKey> activeKey(String id) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tidings_api_key WHERE id = ? AND revoked_at IS NULL")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredApiKey(key(rs), rs.getString(7))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean revokeKey(String id, Instant at) {
        return tx.update("UPDATE tidings_api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                at.toEpochMilli(), id) > 0;
    }

    @Override
    public void markUsed(String id, Instant at) {
        tx.update("UPDATE tidings_api_key SET last_used_at = ? WHERE id = ?", at.toEpochMilli(), id);
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        String roles = rs.getString(3);
        long lastUsed = rs.getLong(6);
        Instant used = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
        return new ApiKey(rs.getString(1), rs.getString(2),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), used);
    }
}
