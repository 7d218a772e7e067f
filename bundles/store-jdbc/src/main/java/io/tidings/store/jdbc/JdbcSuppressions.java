package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.execute;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tidings.api.suppression.Suppression;
import io.tidings.api.suppression.SuppressionScope;
import io.tidings.core.store.SuppressionRepository;

/** The suppression list over JDBC; an entry keeps the widest scope it was given. */
public final class JdbcSuppressions implements SuppressionRepository {

    private static final String COLUMNS = "address, scope, reason, suppressed_at";

    private final Transactions tx;

    JdbcSuppressions(Transactions tx) {
        this.tx = tx;
    }

    /** Email addresses compare without regard to case; phone numbers as given. */
    private static String normalise(String address) {
        String trimmed = address.trim();
        return trimmed.contains("@") ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    @Override
    public Suppression save(Suppression suppression) {
        String address = normalise(suppression.address());
        Suppression wanted = new Suppression(address, suppression.scope(), truncate(suppression.reason(), 1000),
                suppression.at());
        return tx.transaction(c -> {
            Optional<Suppression> existing = find(c, address);
            if (existing.isEmpty()) {
                execute(c, "INSERT INTO tidings_suppression (" + COLUMNS + ") VALUES (?,?,?,?)", address,
                        wanted.scope().name(), wanted.reason(), wanted.at().toEpochMilli());
                return wanted;
            }
            if (existing.get().scope() == SuppressionScope.ALL && wanted.scope() != SuppressionScope.ALL) {
                // a complaint does not narrow a hard bounce
                return existing.get();
            }
            execute(c, "UPDATE tidings_suppression SET scope = ?, reason = ?, suppressed_at = ? WHERE address = ?",
                    wanted.scope().name(), wanted.reason(), wanted.at().toEpochMilli(), address);
            return wanted;
        });
    }

    @Override
    public Optional<Suppression> find(String address) {
        return tx.transaction(c -> find(c, normalise(address)));
    }

    @Override
    public Map<String, Suppression> suppressionsOf(Collection<String> addresses) {
        Map<String, List<String>> asked = new HashMap<>();
        for (String address : addresses) {
            if (address != null) {
                asked.computeIfAbsent(normalise(address), a -> new ArrayList<>()).add(address);
            }
        }
        Map<String, Suppression> found = new HashMap<>();
        if (asked.isEmpty()) {
            return found;
        }
        List<String> all = new ArrayList<>(asked.keySet());
        return tx.transaction(c -> {
            for (List<String> chunk : Transactions.chunks(all, 200)) {
                try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM tidings_suppression WHERE address IN (" + Transactions.marks(chunk.size()) + ")")) {
                    bind(select, chunk.toArray());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Suppression s = row(rs);
                            for (String writing : asked.get(s.address())) {
                                found.put(writing, s);
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<Suppression> list(int limit) {
        return tx.transaction(c -> {
            List<Suppression> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tidings_suppression ORDER BY suppressed_at DESC, address LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(row(rs));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public boolean remove(String address) {
        return tx.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tidings_suppression WHERE address = ?")) {
                delete.setString(1, normalise(address));
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int recordSoftBounce(String address, Instant at, Instant since) {
        String normalised = normalise(address);
        return tx.transaction(c -> {
            execute(c, "DELETE FROM tidings_soft_bounce WHERE address = ? AND bounced_at < ?", normalised,
                    since.toEpochMilli());
            execute(c, "INSERT INTO tidings_soft_bounce (address, bounced_at) VALUES (?,?)", normalised, at.toEpochMilli());
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM tidings_soft_bounce WHERE address = ? AND bounced_at >= ?")) {
                bind(count, normalised, since.toEpochMilli());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static Optional<Suppression> find(Connection c, String address) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM tidings_suppression WHERE address = ?")) {
            select.setString(1, address);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Suppression row(ResultSet rs) throws SQLException {
        return new Suppression(rs.getString(1), SuppressionScope.valueOf(rs.getString(2)), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)));
    }
}
