package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import io.tidings.core.store.SettingsRepository;

/** Settings shared by the nodes of a cluster, over JDBC: the first node to store one decides its value. */
public final class JdbcSettings implements SettingsRepository {

    private final Transactions tx;

    JdbcSettings(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public String setting(String name, Supplier<String> initial) {
        Optional<String> stored = tx.transaction(c -> settingValue(c, name));
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            tx.update("INSERT INTO tidings_setting (name, setting_value) VALUES (?,?)", name, initial.get());
        } catch (StoreException e) {
            // another node stored it first: its value counts
        }
        return tx.transaction(c -> settingValue(c, name)).orElseThrow(
                () -> new StoreException("store: the setting '" + name + "' could not be stored", null));
    }

    private static Optional<String> settingValue(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT setting_value FROM tidings_setting WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
