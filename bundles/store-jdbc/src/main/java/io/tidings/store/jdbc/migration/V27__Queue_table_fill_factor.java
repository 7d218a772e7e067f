package io.tidings.store.jdbc.migration;

import java.util.List;

/**
 * Tidings schema, version 27: room on the queue table's pages for updated rows, on PostgreSQL (H2
 * has no such setting; nothing changes there). A message's row is updated several times on its way
 * (claimed, marked as handed over, sent, delivered, leases renewed); with full pages every update
 * writes the new row version to another page and a new entry into each of the table's indexes.
 * With 30% of each page left free, an update that changes no indexed column (the hand-over mark, a
 * lease renewal) stays on its page and touches no index (a HOT update). Measured with
 * {@code benchmarks/run sms postgresql}: the hand-over mark takes half the time, the drain runs a
 * quarter faster. Pages written before this keep their fill until rewritten.
 */
public class V27__Queue_table_fill_factor extends PostgreSqlOnlyMigration {

    @Override
    List<String> statements() {
        return List.of("ALTER TABLE tidings_communication SET (fillfactor = 70)");
    }
}
