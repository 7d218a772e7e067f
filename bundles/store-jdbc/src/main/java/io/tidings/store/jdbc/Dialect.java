package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import io.tidings.api.Communication;

/**
 * What differs between the databases the store runs on: how due rows are claimed, and how the
 * driver is named in OSGi.
 */
public interface Dialect {

    /** The {@code osgi.jdbc.driver.class} of the driver's DataSourceFactory. */
    String driverClass();

    /**
     * Claims up to {@code limit} rows due at {@code now}, oldest due first: they become SENDING
     * with the lease. Runs inside the caller's transaction. @return the claimed rows, as claimed
     */
    List<Communication> claim(Connection connection, long now, int limit, long leaseUntil, String owner)
            throws SQLException;

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
     * Embedded H2 serves one node (claims are serialised in the JVM). The claim costs what the
     * database costs, whatever the size of the backlog or of the history:
     * <ul>
     * <li>the due rows are the front of the index on {@code due_at}, read in index order and stopped
     * after {@code limit} entries ({@code ORDER BY due_at LIMIT}, "index sorted", no sort);</li>
     * <li>{@code due_at} is NULL on every row that is not claimable (sent, failed, claimed, waiting),
     * and H2 sorts NULLs first in the index: without a lower bound the scan would walk past every one of
     * them on each claim (a million sent rows, a million index entries per batch). {@code BETWEEN
     * Long.MIN_VALUE AND now} starts the scan at the first due entry;</li>
     * <li>no {@code FOR UPDATE}: a locking query with ORDER BY locks every row matching WHERE before
     * the limit applies, so it slows with the backlog. Instead one batched conditional update
     * ({@code AND due_at IS NOT NULL}) skips a row that something else took or cancelled in between;</li>
     * <li>the claimed rows are read back in one statement by primary key, after the update, so they
     * are what was claimed.</li>
     * </ul>
     */
    final class H2 implements Dialect {
        /** The front of the backlog: the lowest bound, now, the limit. */
        static final String DUE_ROWS = "SELECT id FROM tidings_communication WHERE due_at BETWEEN ? AND ? "
                + "ORDER BY due_at LIMIT ?";

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
        public List<Communication> claim(Connection connection, long now, int limit, long leaseUntil, String owner)
                throws SQLException {
            List<String> candidates = new ArrayList<>(limit);
            try (PreparedStatement select = connection.prepareStatement(DUE_ROWS)) {
                select.setLong(1, Long.MIN_VALUE);
                select.setLong(2, now);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
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
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 1) {
                        claimed.add(candidates.get(i));
                    }
                }
            }
            return CommunicationRows.byIds(connection, claimed);
        }
    }

    /**
     * PostgreSQL: several nodes claim from one queue. The claim is one statement and one round trip:
     * the front of the partial index on {@code due_at} (only claimable rows are in it, see V10), locked
     * with {@code FOR UPDATE SKIP LOCKED} so that each node takes different rows without waiting,
     * updated, and returned with their columns. The queue table's autovacuum is tuned (V10) so that
     * the dead index entries each claim leaves behind are cleared before they slow the next claims.
     */
    final class PostgreSql implements Dialect {
        private static final String CLAIM = "WITH due AS (SELECT id, due_at FROM tidings_communication "
                + "WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "UPDATE tidings_communication c SET status = 'SENDING', due_at = NULL, lease_until = ?, "
                + "updated_at = ?, lease_owner = ?, handed_over = FALSE FROM due WHERE c.id = due.id "
                + "RETURNING c." + CommunicationRows.COLUMNS.replace(", ", ", c.") + ", due.due_at";
        private static final int DUE_COLUMN = CommunicationRows.COLUMNS.split(",").length + 1;

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
        public List<Communication> claim(Connection connection, long now, int limit, long leaseUntil, String owner)
                throws SQLException {
            record Claimed(Communication row, long due) {
            }
            List<Claimed> claimed = new ArrayList<>(limit);
            try (PreparedStatement update = connection.prepareStatement(CLAIM)) {
                update.setLong(1, now);
                update.setInt(2, limit);
                update.setLong(3, leaseUntil);
                update.setLong(4, now);
                update.setString(5, owner);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(CommunicationRows.communication(rs), rs.getLong(DUE_COLUMN)));
                    }
                }
            }
            // RETURNING does not keep the order of the sub-select
            claimed.sort(Comparator.comparingLong(Claimed::due));
            return claimed.stream().map(Claimed::row).toList();
        }
    }
}
