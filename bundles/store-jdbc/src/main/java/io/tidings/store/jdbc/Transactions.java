package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every repository shares: one transaction per call on the data source, committed before it
 * returns and rolled back on any failure, a failure reported as {@link StoreException}; the
 * database's dialect, the clock, statement binding and the JSON of stored documents.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    Transactions(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
    }

    Dialect dialect() {
        return dialect;
    }

    long millis() {
        return clock.millis();
    }

    <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("store: " + e.getMessage(), e);
        }
    }

    /**
     * A transaction that the database may abort for a conflict with another one (SQLState class 40:
     * a deadlock or a serialization failure, e.g. two nodes leasing the same rows at once), run again
     * up to three times in all; any other failure is thrown at once.
     */
    <T> T transactionRetryingConflicts(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction(work);
            } catch (StoreException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException sql) || sql.getSQLState() == null
                        || !sql.getSQLState().startsWith("40")) {
                    throw e;
                }
            }
        }
    }

    /** One statement in a transaction of its own. @return the rows changed */
    int update(String sql, Object... args) {
        return transaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, args);
                return statement.executeUpdate();
            }
        });
    }

    static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            statement.executeUpdate();
        }
    }

    static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, args);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Runs {@code sql} once per id, in one batch. @return the rows deleted */
    static int deleteEach(Connection c, String sql, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            int deleted = 0;
            for (int n : delete.executeBatch()) {
                deleted += Math.max(0, n);
            }
            return deleted;
        }
    }

    /** The parameter marks of an IN list of {@code n} values: {@code ?,?,…}. */
    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * The list in consecutive pieces of at most {@code size} elements (views of it), so that an IN
     * list stays within what one statement should carry.
     */
    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new java.util.ArrayList<>((all.size() + size - 1) / size);
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (arg instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (arg instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (arg instanceof Boolean b) {
                statement.setBoolean(i + 1, b);
            } else {
                statement.setString(i + 1, arg.toString());
            }
        }
    }

    static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("store: cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("store: cannot read stored JSON: " + e.getOriginalMessage(), e);
        }
    }
}
