package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.Test;

/**
 * The queue table's vacuum on a PostgreSQL server whose autovacuum is off (as on the project's build
 * machine): dead row versions above V10's threshold are vacuumed by Tidings; with the server's
 * autovacuum on, nothing is done.
 */
public class QueueVacuumTest {

    @Test
    public void theThresholdIsV10sAndOnlyAppliesWhenTheServerDoesNotVacuum() {
        assertFalse("autovacuum on: left to the server", QueueVacuum.needed(true, 0, 5_000_000));
        assertFalse(QueueVacuum.needed(false, 0, 1_000));
        assertTrue(QueueVacuum.needed(false, 0, 1_001));
        assertFalse("1,000 + 1% of 100,000 live rows", QueueVacuum.needed(false, 100_000, 2_000));
        assertTrue(QueueVacuum.needed(false, 100_000, 2_001));
    }

    @Test
    public void deadRowVersionsAboveTheThresholdAreVacuumedWhenTheServersAutovacuumIsOff() throws Exception {
        try (Database.Fresh db = Database.POSTGRESQL.open()) {
            Migrations.migrate(db.dataSource());
            boolean autovacuum;
            // a backend's table statistics reach the server when it ends: one connection for the writes, closed
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('autovacuum') = 'on'")) {
                    rs.next();
                    autovacuum = rs.getBoolean(1);
                }
                s.execute("INSERT INTO tidings_communication (id, event_id, entity_type, entity_id, rule_key, "
                        + "template_key, medium, recipient, language, status, attempts, not_before, due_at, created_at, "
                        + "updated_at) SELECT 'c' || g, 'evt-' || g, 'order', 'O-' || g, 'rule', 'template', 'SMS', "
                        + "'+38067' || (1000000 + g), 'uk', 'QUEUED', 0, g, g, g, g FROM generate_series(1, 3000) g");
                // claimed, then queued again: 6,000 dead row versions
                s.execute("UPDATE tidings_communication SET status = 'SENDING', due_at = NULL");
                s.execute("UPDATE tidings_communication SET status = 'QUEUED', due_at = not_before");
            }
            QueueVacuum vacuum = new QueueVacuum(db.dataSource());
            QueueVacuum.Outcome first = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(
                    Duration.ofMillis(250)).until(vacuum::run, o -> o != QueueVacuum.Outcome.NOT_NEEDED);
            if (autovacuum) {
                assertEquals("the server's tuned autovacuum does it", QueueVacuum.Outcome.LEFT_TO_AUTOVACUUM, first);
                return;
            }
            assertEquals(QueueVacuum.Outcome.VACUUMED, first);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT last_vacuum, n_dead_tup, n_live_tup FROM pg_stat_user_tables "
                            + "WHERE relid = 'tidings_communication'::regclass")) {
                assertTrue(rs.next());
                assertNotNull("vacuumed by hand, not by the server", rs.getTimestamp(1));
                assertEquals("no dead row versions left", 0, rs.getLong(2));
                assertEquals(3_000, rs.getLong(3));
            }
            assertEquals("and not again until rows die", QueueVacuum.Outcome.NOT_NEEDED, vacuum.run());
        }
    }

    @Test
    public void aVacuumThatCannotRunIsReportedNotThrown() throws SQLException {
        try (Database.Fresh db = Database.POSTGRESQL.open()) {
            // no store schema here: the look fails (no such table), the timer thread must survive it
            assertEquals(QueueVacuum.Outcome.FAILED, new QueueVacuum(db.dataSource()).run());
        }
    }
}
