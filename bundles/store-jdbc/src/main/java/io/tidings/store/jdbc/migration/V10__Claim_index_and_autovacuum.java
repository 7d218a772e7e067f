package io.tidings.store.jdbc.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Tidings schema, version 10: the claim on PostgreSQL. A Java migration because its statements are
 * PostgreSQL's own; on H2 it changes nothing (H2 has no partial indexes: its claim bounds the index
 * scan below instead, see {@code Dialect.H2}).
 * <ul>
 * <li>The index on {@code due_at} holds claimable rows only ({@code WHERE due_at IS NOT NULL}): sent,
 * failed and claimed rows, the bulk of a table that keeps its history, are not in it, so it stays as
 * small as the backlog.</li>
 * <li>Every claim and every outcome leaves a dead row version and dead index entries behind; the
 * default autovacuum waits for 20% of the table to be dead, by which time claims walk past thousands
 * of dead entries. The queue table is vacuumed after 1% (at least 1,000 rows) without cost delay.</li>
 * </ul>
 */
public class V10__Claim_index_and_autovacuum extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP INDEX tidings_communication_due");
            s.execute("CREATE INDEX tidings_communication_due ON tidings_communication (due_at) WHERE due_at IS NOT NULL");
            s.execute("ALTER TABLE tidings_communication SET (autovacuum_vacuum_scale_factor = 0.01, "
                    + "autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02, "
                    + "autovacuum_vacuum_cost_delay = 0)");
        }
    }
}
