package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.Assume;

import org.junit.Test;

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
}
