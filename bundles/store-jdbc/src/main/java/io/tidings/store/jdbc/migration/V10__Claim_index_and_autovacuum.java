package io.tidings.store.jdbc.migration;

import java.util.List;

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
public class V10__Claim_index_and_autovacuum extends PostgreSqlOnlyMigration {

    @Override
    List<String> statements() {
        return List.of("DROP INDEX tidings_communication_due",
                "CREATE INDEX tidings_communication_due ON tidings_communication (due_at) WHERE due_at IS NOT NULL",
                "ALTER TABLE tidings_communication SET (autovacuum_vacuum_scale_factor = 0.01, "
                        + "autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02, "
                        + "autovacuum_vacuum_cost_delay = 0)");
    }
}
