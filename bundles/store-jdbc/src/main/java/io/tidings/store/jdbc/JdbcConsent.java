package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.execute;
import static io.tidings.store.jdbc.Transactions.exists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.core.store.ConsentRepository;

/** Opt-outs and opt-ins over JDBC; the latest choice for an address and purpose wins. */
public final class JdbcConsent implements ConsentRepository {

    private final Transactions tx;

    JdbcConsent(Transactions tx) {
        this.tx = tx;
    }

    /** Email addresses compare without regard to case; phone numbers as given. */
    private static String normalise(String address) {
        String trimmed = address.trim();
        return trimmed.contains("@") ? trimmed.toLowerCase(java.util.Locale.ROOT) : trimmed;
    }

    @Override
    public OptOut saveOptOut(OptOut optOut) {
        String address = normalise(optOut.address());
        return tx.transaction(c -> {
            execute(c, "DELETE FROM tidings_opt_in WHERE address = ? AND purpose = ?", address, optOut.purpose().name());
            Optional<OptOut> existing = optOut(c, address, optOut.purpose());
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO tidings_opt_out (address, purpose, opted_out_at) VALUES (?,?,?)")) {
                bind(insert, address, optOut.purpose().name(), optOut.at().toEpochMilli());
                insert.executeUpdate();
            }
            return new OptOut(address, optOut.purpose(), optOut.at());
        });
    }

    @Override
    public boolean optedOut(String address, Purpose purpose) {
        return tx.transaction(c -> optOut(c, normalise(address), purpose).isPresent());
    }

    @Override
    public java.util.Map<String, java.util.Set<Purpose>> optOutsOf(java.util.Collection<String> addresses) {
        java.util.Map<String, String> byNormalised = new java.util.HashMap<>();
        for (String address : addresses) {
            if (address != null) {
                byNormalised.put(normalise(address), address);
            }
        }
        java.util.Map<String, java.util.Set<Purpose>> found = new java.util.HashMap<>();
        if (byNormalised.isEmpty()) {
            return found;
        }
        List<String> all = new ArrayList<>(byNormalised.keySet());
        return tx.transaction(c -> {
            for (List<String> chunk : Transactions.chunks(all, 200)) {
                try (PreparedStatement select = c.prepareStatement("SELECT address, purpose FROM tidings_opt_out "
                        + "WHERE address IN (" + Transactions.marks(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(byNormalised.get(rs.getString(1)),
                                    a -> java.util.EnumSet.noneOf(Purpose.class)).add(Purpose.valueOf(rs.getString(2)));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<OptOut> optOuts(String address) {
        return tx.transaction(c -> {
            List<OptOut> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT address, purpose, opted_out_at FROM tidings_opt_out WHERE address = ? ORDER BY purpose")) {
                select.setString(1, normalise(address));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(new OptOut(rs.getString(1), Purpose.valueOf(rs.getString(2)),
                                Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            return result;
        });
    }

    private static Optional<OptOut> optOut(Connection c, String address, Purpose purpose) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT opted_out_at FROM tidings_opt_out WHERE address = ? AND purpose = ?")) {
            select.setString(1, address);
            select.setString(2, purpose.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new OptOut(address, purpose, Instant.ofEpochMilli(rs.getLong(1))))
                        : Optional.empty();
            }
        }
    }

    @Override
    public void saveOptIn(String address, Purpose purpose, Instant at) {
        String normalised = normalise(address);
        tx.transaction(c -> {
            execute(c, "DELETE FROM tidings_opt_out WHERE address = ? AND purpose = ?", normalised, purpose.name());
            if (!exists(c, "SELECT 1 FROM tidings_opt_in WHERE address = ? AND purpose = ?", normalised,
                    purpose.name())) {
                execute(c, "INSERT INTO tidings_opt_in (address, purpose, opted_in_at) VALUES (?,?,?)", normalised,
                        purpose.name(), at.toEpochMilli());
            }
            return null;
        });
    }

    @Override
    public boolean optedIn(String address, Purpose purpose) {
        return tx.transaction(c -> exists(c, "SELECT 1 FROM tidings_opt_in WHERE address = ? AND purpose = ?",
                normalise(address), purpose.name()));
    }
}
