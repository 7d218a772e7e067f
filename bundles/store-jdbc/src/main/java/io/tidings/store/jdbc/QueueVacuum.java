package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the queue table vacuumed on a PostgreSQL server whose autovacuum is off. Every claim, hand-over
 * and outcome leaves a dead row version and dead index entries behind; migration V10 tunes the
 * table's autovacuum to clear them after 1% (at least 1,000 rows), but a server with
 * {@code autovacuum = off} never runs it, and the claim then walks ever more dead entries (measured:
 * 8,700 rows/s falling to 5,700 within four minutes, three million dead row versions, no vacuum).
 * So when the server's autovacuum is off, this vacuums {@code tidings_communication} itself at the
 * same threshold, with {@code SKIP_LOCKED} so that nodes sharing the database never queue behind one
 * another. With autovacuum on it does nothing: the server's tuned autovacuum does the work.
 */
public final class QueueVacuum implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueVacuum.class);
    static final String TABLE = "tidings_communication";
    /** As V10's autovacuum settings: dead row versions above 1,000 + 1% of the live rows. */
    static final long THRESHOLD = 1_000;
    static final double SCALE = 0.01;
    /** How often the store looks, in Karaf. */
    public static final Duration EVERY = Duration.ofSeconds(30);

    /** What one look found and did. */
    public enum Outcome {
        /** The server's autovacuum is on: left to it. */
        LEFT_TO_AUTOVACUUM,
        /** Below the threshold. */
        NOT_NEEDED,
        /** Vacuumed (or another session held the table, and SKIP_LOCKED passed it over). */
        VACUUMED,
        /** Could not look or vacuum (see the log); tried again next time. */
        FAILED
    }

    private final DataSource database;
    private ScheduledExecutorService timer;
    private boolean warnedOff;
    private boolean warnedFailure;

    public QueueVacuum(DataSource database) {
        this.database = database;
    }

    /** Looks every {@code every} on a daemon thread of its own, first after one interval. */
    public synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tidings-store-vacuum");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Looking at the queue table's dead rows failed: {}", e.toString());
        }
    }

    /** Whether the table needs a vacuum that the server will not run. */
    static boolean needed(boolean autovacuumOn, long live, long dead) {
        return !autovacuumOn && dead > THRESHOLD + (long) (SCALE * Math.max(0, live));
    }

    /** One look, and a vacuum when {@link #needed}. */
    public Outcome run() {
        boolean on;
        long live;
        long dead;
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT current_setting('autovacuum') = 'on', COALESCE(t.n_live_tup, 0), "
                    + "COALESCE(t.n_dead_tup, 0) FROM (SELECT 1) one LEFT JOIN pg_stat_user_tables t "
                    + "ON t.relid = '" + TABLE + "'::regclass")) {
                rs.next();
                on = rs.getBoolean(1);
                live = rs.getLong(2);
                dead = rs.getLong(3);
            }
            if (!on && !warnedOff) {
                warnedOff = true;
                LOG.warn("PostgreSQL's autovacuum is off on this server: Tidings vacuums its queue table ({}) itself "
                        + "whenever more than {} + {}% of its rows are dead row versions. Turn autovacuum on to leave it "
                        + "to the server", TABLE, THRESHOLD, (int) (SCALE * 100));
            }
            if (on) {
                warnedOff = false;
                return Outcome.LEFT_TO_AUTOVACUUM;
            }
            if (!needed(false, live, dead)) {
                return Outcome.NOT_NEEDED;
            }
            long started = System.nanoTime();
            c.setAutoCommit(true); // VACUUM cannot run inside a transaction
            s.execute("VACUUM (SKIP_LOCKED, ANALYZE) " + TABLE);
            LOG.info("Vacuumed the queue table {}: {} dead row versions of {} live rows, in {} ms", TABLE, dead, live,
                    (System.nanoTime() - started) / 1_000_000);
            warnedFailure = false;
            return Outcome.VACUUMED;
        } catch (SQLException e) {
            if (!warnedFailure) {
                warnedFailure = true;
                LOG.warn("Could not look at the dead rows of the queue table {}, or vacuum it: {}. Where the server's "
                        + "autovacuum is off, ask the database administrator to vacuum it or to turn autovacuum on", TABLE,
                        e.getMessage());
            }
            return Outcome.FAILED;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
