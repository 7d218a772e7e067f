package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.Assume;
import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;

/** Schema migrations and dialect detection on every database the store supports. */
public class MigrationsTest extends RepositoryContract {

    @Test
    public void migrationsAreRecordedAndIdempotent() {
        assertEquals(0, Migrations.migrate(dataSource()));
    }

    @Test
    public void theDialectOfAnOperatorsDataSourceIsReadFromItsConnection() throws Exception {
        assertEquals(dialect().getClass(), Dialect.of(dataSource()).getClass());
    }

    /** V10: the claim's index leaves out rows that cannot be claimed, and the queue table is vacuumed early. */
    @Test
    public void onPostgreSqlTheDueIndexHoldsClaimableRowsOnlyAndTheQueueIsVacuumedEarly() throws Exception {
        Assume.assumeTrue(dialect() instanceof Dialect.PostgreSql);
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    + "AND indexname = 'tidings_communication_due'")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1), rs.getString(1).endsWith("(due_at) WHERE (due_at IS NOT NULL)"));
            }
            try (ResultSet rs = s.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class "
                    + "WHERE relname = 'tidings_communication' AND relnamespace = current_schema()::regnamespace")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1), rs.getString(1).contains("autovacuum_vacuum_scale_factor=0.01"));
            }
        }
    }

    /**
     * V27: the queue table's pages keep room for updated rows, so that the hand-over mark (which
     * changes no indexed column) is a HOT update: no new index entries, the row stays on its page.
     */
    @Test
    public void onPostgreSqlTheHandOverMarkIsAnUpdateThatTouchesNoIndex() throws Exception {
        Assume.assumeTrue(dialect() instanceof Dialect.PostgreSql);
        BusinessEvent event = event("e-hot");
        List<Communication> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(queued(event, "hot" + i + "@example.com", NOW));
        }
        store.outbox().ingest(event, rows);
        List<String> claimed = store.outbox().claimDue(NOW, 20, NOW.plusSeconds(60)).stream()
                .map(Communication::id).toList();
        assertEquals(20, claimed.size());
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class "
                    + "WHERE relname = 'tidings_communication' AND relnamespace = current_schema()::regnamespace")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1), rs.getString(1).contains("fillfactor=70"));
            }
            c.setAutoCommit(false);
            try (PreparedStatement mark = c.prepareStatement("UPDATE tidings_communication SET "
                    + "handed_over = TRUE WHERE id = ANY(?) AND status = 'SENDING'")) {
                mark.setArray(1, c.createArrayOf("varchar", claimed.toArray()));
                assertEquals(20, mark.executeUpdate());
            }
            try (ResultSet rs = s.executeQuery("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables "
                    + "WHERE relname = 'tidings_communication' AND schemaname = current_schema()")) {
                assertTrue(rs.next());
                assertEquals(20, rs.getLong(1));
                // a page filled by the claim's own new row versions may still push a few elsewhere
                assertTrue("marks as HOT updates: " + rs.getLong(2) + " of 20", rs.getLong(2) >= 15);
            }
            c.rollback();
        }
    }
}
