package io.tidings.store.jdbc.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A migration made of PostgreSQL's own statements: on H2 it changes nothing. */
abstract class PostgreSqlOnlyMigration extends BaseJavaMigration {

    /** The statements, run in order on PostgreSQL. */
    abstract List<String> statements();

    @Override
    public final void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String statement : statements()) {
                s.execute(statement);
            }
        }
    }
}
