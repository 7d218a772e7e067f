package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * What differs between the databases the store runs on: how due rows are claimed, and how the
 * driver is named in OSGi.
 */
public interface Dialect {

    /** The {@code osgi.jdbc.driver.class} of the driver's DataSourceFactory. */
    String driverClass();

    /**
     * Claims up to {@code limit} rows due at {@code now}, oldest due first: they become SENDING
     * with the lease. Runs inside the caller's transaction. @return the ids claimed
     */
    List<String> claim(Connection connection, long now, int limit, long leaseUntil, String owner) throws SQLException;

    /** Ends a SELECT that takes rows for this transaction, passing over rows another node holds where it can. */
    String lockSkippingLocked();

    /** The database, as its driver names it ({@code H2}, {@code PostgreSQL}). */
    String name();

    /** The dialect of the database behind a data source someone else configured, from its connection's metadata. */
    static Dialect of(DataSource dataSource) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        if ("H2".equalsIgnoreCase(product)) {
            return new H2();
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return new PostgreSql();
        }
        throw new IllegalArgumentException("dataSource: only H2 and PostgreSQL are supported, not " + product);
    }

    static Dialect forUrl(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return new H2();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgreSql();
        }
        throw new IllegalArgumentException("url: only jdbc:h2: and jdbc:postgresql: are supported, not '"
                + url.substring(0, Math.min(url.length(), 20)) + "…'");
    }

    /**
     * Embedded H2 serves one node. A locking query with ORDER BY slows down as the backlog grows,
     * so the claim is a plain index range scan on due_at followed by a conditional update that
     * skips rows another claimer took in between.
     */
    final class H2 implements Dialect {
        @Override
        public String name() {
            return "H2";
        }

        @Override
        public String driverClass() {
            return "org.h2.Driver";
        }

        @Override
        public String lockSkippingLocked() {
            return " FOR UPDATE";
        }

        @Override
        public List<String> claim(Connection connection, long now, int limit, long leaseUntil, String owner)
                throws SQLException {
            List<String> candidates = new ArrayList<>(limit);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM tidings_communication WHERE due_at <= ? ORDER BY due_at LIMIT ?")) {
                select.setLong(1, now);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            List<String> claimed = new ArrayList<>(candidates.size());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE tidings_communication SET status = 'SENDING', due_at = NULL, lease_until = ?, updated_at = ?, "
                            + "lease_owner = ?, handed_over = FALSE WHERE id = ? AND due_at IS NOT NULL")) {
                for (String id : candidates) {
                    update.setLong(1, leaseUntil);
                    update.setLong(2, now);
                    update.setString(3, owner);
                    update.setString(4, id);
                    if (update.executeUpdate() == 1) {
                        claimed.add(id);
                    }
                }
            }
            return claimed;
        }
    }

    /** PostgreSQL: several nodes claim from one queue; SKIP LOCKED lets each take different rows. */
    final class PostgreSql implements Dialect {
        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public String driverClass() {
            return "org.postgresql.Driver";
        }

        @Override
        public String lockSkippingLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        public List<String> claim(Connection connection, long now, int limit, long leaseUntil, String owner)
                throws SQLException {
            record Claimed(String id, long due) {
            }
            List<Claimed> claimed = new ArrayList<>(limit);
            try (PreparedStatement update = connection.prepareStatement(
                    "WITH due AS (SELECT id, due_at FROM tidings_communication WHERE due_at <= ? "
                            + "ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                            + "UPDATE tidings_communication c SET status = 'SENDING', due_at = NULL, lease_until = ?, "
                            + "updated_at = ?, lease_owner = ?, handed_over = FALSE FROM due WHERE c.id = due.id "
                            + "RETURNING c.id, due.due_at")) {
                update.setLong(1, now);
                update.setInt(2, limit);
                update.setLong(3, leaseUntil);
                update.setLong(4, now);
                update.setString(5, owner);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            // RETURNING does not keep the order of the sub-select
            claimed.sort(java.util.Comparator.comparingLong(Claimed::due));
            return claimed.stream().map(Claimed::id).toList();
        }
    }
}
