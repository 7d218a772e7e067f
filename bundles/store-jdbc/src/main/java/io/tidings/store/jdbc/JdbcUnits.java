package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tidings.api.ValidationException;
import io.tidings.api.access.Unit;
import io.tidings.api.access.UnitInUseException;
import io.tidings.api.access.UnitTree;
import io.tidings.api.access.Units;

/**
 * Organisational units over JDBC. A save checks the parent against the tree in the same transaction,
 * so that two saves cannot make a cycle between them unnoticed on one node; a delete counts what
 * still belongs to the unit.
 */
public final class JdbcUnits implements Units {

    /** What may belong to a unit, as {@code type, table, key column}. */
    private static final String[][] BELONGING = {
        {"template", "tidings_template", "template_key", " AND deleted = FALSE"},
        {"rule", "tidings_rule", "rule_key", ""},
        {"location", "tidings_location", "location_key", ""},
        {"communication", "tidings_communication", "id", ""},
    };

    /** How many of each kind a refused delete names. */
    private static final int NAMED = 5;

    private final Transactions tx;

    JdbcUnits(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Unit> units() {
        return tx.transaction(JdbcUnits::units);
    }

    private static List<Unit> units(Connection c) throws SQLException {
        List<Unit> result = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT unit_key, name, parent_key FROM tidings_unit ORDER BY unit_key");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                result.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return result;
    }

    @Override
    public Optional<Unit> unit(String key) {
        return units().stream().filter(u -> u.key().equals(key)).findFirst();
    }

    @Override
    public boolean save(Unit unit) {
        unit.validate();
        return tx.transaction(c -> {
            UnitTree tree = new UnitTree(units(c));
            if (unit.parent() != null && !tree.contains(unit.parent())) {
                throw new ValidationException("parent", "no unit '" + unit.parent() + "'; create it first");
            }
            if (tree.wouldCycle(unit.key(), unit.parent())) {
                throw new ValidationException("parent", "'" + unit.parent() + "' is below '" + unit.key()
                        + "' (" + String.join(" → ", reversed(tree.lineage(unit.parent()))) + "); a unit cannot be"
                        + " placed below itself");
            }
            boolean created = !tree.contains(unit.key());
            if (created) {
                Transactions.execute(c, "INSERT INTO tidings_unit (unit_key, name, parent_key, updated_at) "
                        + "VALUES (?,?,?,?)", unit.key(), unit.name().trim(), unit.parent(), tx.millis());
            } else {
                Transactions.execute(c, "UPDATE tidings_unit SET name = ?, parent_key = ?, updated_at = ? "
                        + "WHERE unit_key = ?", unit.name().trim(), unit.parent(), tx.millis(), unit.key());
            }
            return created;
        });
    }

    @Override
    public boolean delete(String key) {
        return tx.transaction(c -> {
            if (!Transactions.exists(c, "SELECT 1 FROM tidings_unit WHERE unit_key = ?", key)) {
                return false;
            }
            List<String> belonging = new ArrayList<>();
            belonging.addAll(keys(c, "unit", "SELECT unit_key FROM tidings_unit WHERE parent_key = ? ORDER BY unit_key",
                    key));
            for (String[] kind : BELONGING) {
                belonging.addAll(keys(c, kind[0], "SELECT DISTINCT " + kind[2] + " FROM " + kind[1]
                        + " WHERE unit = ?" + kind[3] + " ORDER BY " + kind[2], key));
            }
            if (!belonging.isEmpty()) {
                throw new UnitInUseException(key, belonging);
            }
            Transactions.execute(c, "DELETE FROM tidings_unit WHERE unit_key = ?", key);
            return true;
        });
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Up to {@link #NAMED} keys as {@code type:key}, and how many more there are. */
    private static List<String> keys(Connection c, String type, String sql, String unit) throws SQLException {
        List<String> found = new ArrayList<>();
        int more = 0;
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, unit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (found.size() < NAMED) {
                        found.add(type + ":" + rs.getString(1));
                    } else {
                        more++;
                    }
                }
            }
        }
        if (more > 0) {
            found.add(more + " more " + type + (more == 1 ? "" : "s"));
        }
        return found;
    }
}
