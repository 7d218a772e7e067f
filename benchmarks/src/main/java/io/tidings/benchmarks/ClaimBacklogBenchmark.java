package io.tidings.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.tidings.core.store.OutboxRepository;
import io.tidings.store.jdbc.Dialect;
import io.tidings.store.jdbc.JdbcRepositories;
import io.tidings.store.jdbc.Migrations;
import io.tidings.store.jdbc.QueueVacuum;
import io.tidings.store.jdbc.StoreComponent;

/**
 * Not a test: claims batches of 50 due rows from a backlog of {@code rows} on H2 (a file, as in
 * Karaf) or PostgreSQL (127.0.0.1:5432, database test, in a schema of its own dropped afterwards),
 * the store's claim against a plain JDBC claim loop on the same table. The two alternate in rounds;
 * after each round the rows it claimed are queued again at the back, so the backlog stays at
 * {@code rows} and the table ages as a working queue does. With {@code minutes}, the store's claim
 * then runs alone that long, printing its rate every 30 s (PostgreSQL's dead rows and autovacuum).
 * Run with {@code benchmarks/run claim [h2|postgresql] [rows] [minutes]}.
 */
public final class ClaimBacklogBenchmark {

    static final int BATCH = Integer.getInteger("tidings.bench.batch", 50);
    private static final int ROUNDS = 3;
    private static final double ROUND_SECONDS = 4;
    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final String COLUMNS = "id, event_id, entity_type, entity_id, rule_key, template_key, "
            + "template_version, medium, channel, recipient, language, status, status_reason, attempts, not_before, "
            + "created_at, sent_at, provider_message_id, subject, body";

    interface Claim {
        int claim(long now, long leaseUntil) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "h2";
        int rows = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 100_000;
        double minutes = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        Machine.print();
        try (Backlog backlog = Backlog.open(store)) {
            System.out.printf("%s %s, %,d due rows, batches of %d, %d alternating rounds of %.0f s each%n",
                    backlog.dialect.name(), backlog.version(), rows, BATCH, ROUNDS, ROUND_SECONDS);
            long fillStarted = System.nanoTime();
            backlog.fill(rows);
            System.out.printf("backlog filled in %.1f s%n", (System.nanoTime() - fillStarted) / 1e9);
            OutboxRepository outbox = new JdbcRepositories(backlog.pool, backlog.dialect, Clock.systemUTC(),
                    "bench").outbox();
            Claim tidings = (now, lease) -> outbox.claimDue(Instant.ofEpochMilli(now), BATCH,
                    Instant.ofEpochMilli(lease)).size();
            Claim plain = backlog.plainClaim();
            Result plainResult = new Result("plain JDBC claim loop");
            Result tidingsResult = new Result("Tidings store claim (claimDue)");
            for (int i = 0; i < 20; i++) { // warm-up
                plain.claim(backlog.now(), backlog.now() + 120_000);
                tidings.claim(backlog.now(), backlog.now() + 120_000);
            }
            backlog.requeue();
            for (int round = 0; round < ROUNDS; round++) {
                plainResult.add(backlog.round(plain, ROUND_SECONDS, rows / 5));
                tidingsResult.add(backlog.round(tidings, ROUND_SECONDS, rows / 5));
            }
            plainResult.print();
            tidingsResult.print();
            System.out.printf("ratio Tidings / plain: %.2f%n", tidingsResult.rate() / plainResult.rate());
            if (minutes > 0) {
                backlog.sustain(tidings, minutes, rows);
            }
        }
    }

    /** Rows claimed and the time each batch took. */
    static final class Result {
        final String name;
        long rows;
        double seconds;
        final List<Double> batchMillis = new ArrayList<>();

        Result(String name) {
            this.name = name;
        }

        void add(Result round) {
            rows += round.rows;
            seconds += round.seconds;
            batchMillis.addAll(round.batchMillis);
        }

        double rate() {
            return rows / seconds;
        }

        void print() {
            double[] ms = batchMillis.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(ms);
            System.out.printf("%-32s %,10.0f rows/s | per batch of %d: median %.2f ms, p95 %.2f ms, p99 %.2f ms"
                    + " (%,d rows)%n", name, rate(), BATCH, ms[ms.length / 2], ms[(int) (ms.length * 0.95)],
                    ms[(int) (ms.length * 0.99)], rows);
        }
    }

    /** A database with the store's schema, a backlog in its queue table, and the plain claim on it. */
    static final class Backlog implements AutoCloseable {
        final HikariDataSource pool;
        final Dialect dialect;
        private final Runnable drop;
        private long requeues;
        private int size;

        private Backlog(DataSource raw, Dialect dialect, Runnable drop) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(raw);
            config.setMaximumPoolSize(4);
            this.pool = new HikariDataSource(config);
            this.dialect = dialect;
            this.drop = drop;
            Migrations.migrate(pool);
        }

        static Backlog open(String store) throws Exception {
            if (store.startsWith("h2")) {
                Path dir = Files.createTempDirectory("tidings-claim-benchmark");
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(StoreComponent.effectiveUrl("jdbc:h2:file:" + dir.resolve("tidings")));
                h2.setUser("sa");
                return new Backlog(h2, new Dialect.H2(), () -> {
                });
            }
            if (store.startsWith("postgres")) {
                String schema = createSchema();
                PGSimpleDataSource ds = postgres();
                ds.setCurrentSchema(schema);
                return new Backlog(ds, new Dialect.PostgreSql(), () -> dropSchema(schema));
            }
            throw new IllegalArgumentException("store: h2 or postgresql, not " + store);
        }

        /** The benchmarks' PostgreSQL: {@code tidings.bench.postgresql.url}, else 127.0.0.1:5432, database test. */
        static String postgresqlUrl() {
            return System.getProperty("tidings.bench.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        }

        /** A new, empty schema of a benchmark's own on the benchmarks' PostgreSQL; its name. */
        static String createSchema() throws SQLException {
            String schema = "tidings_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = postgres().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            return schema;
        }

        /** Drops what {@link #createSchema} made; a failure is printed, not thrown. */
        static void dropSchema(String schema) {
            try (Connection c = postgres().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + schema + ": " + e.getMessage());
            }
        }

        static PGSimpleDataSource postgres() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(postgresqlUrl());
            ds.setUser(System.getProperty("tidings.bench.postgresql.user", "postgres"));
            return ds;
        }

        String version() throws SQLException {
            try (Connection c = pool.getConnection()) {
                return c.getMetaData().getDatabaseProductVersion();
            }
        }

        /** Everything is due well before this instant. */
        long now() {
            return BASE + 1_000_000_000_000L;
        }

        /** {@code rows} queued communications due one millisecond apart, generated by the database itself. */
        void fill(int rows) throws SQLException {
            size = rows;
            boolean h2 = dialect instanceof Dialect.H2;
            String range = h2 ? "SYSTEM_RANGE(?, ?) r(g)" : "generate_series(?::bigint, ?::bigint) r(g)";
            // ids in insertion order: a million random UUIDs take H2 minutes to index, and the claim reads by due_at
            String id = "'c' || LPAD(CAST(g AS VARCHAR), 35, '0')";
            String sql = "INSERT INTO tidings_communication (id, event_id, entity_type, entity_id, rule_key, "
                    + "template_key, medium, recipient, language, status, attempts, not_before, due_at, created_at, "
                    + "updated_at) SELECT " + id + ", 'evt-' || CAST(g / 1000 AS VARCHAR), 'order', "
                    + "'O-' || CAST(g / 1000 AS VARCHAR), 'rule', 'template', 'SMS', '+38067' || CAST(1000000 + g AS "
                    + "VARCHAR), 'uk', 'QUEUED', 0, ? + g, ? + g, ? + g, ? + g FROM " + range;
            try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
                c.setAutoCommit(false);
                for (long from = 1; from <= rows; from += 50_000) {
                    insert.setLong(1, BASE);
                    insert.setLong(2, BASE);
                    insert.setLong(3, BASE);
                    insert.setLong(4, BASE);
                    insert.setLong(5, from);
                    insert.setLong(6, Math.min(rows, from + 49_999));
                    insert.executeUpdate();
                    c.commit();
                }
                if (!h2) {
                    try (Statement s = c.createStatement()) {
                        c.setAutoCommit(true);
                        s.execute("VACUUM ANALYZE tidings_communication");
                    }
                }
            }
        }

        /** Claims for {@code seconds} or {@code maxRows}, then queues what it claimed again at the back. */
        Result round(Claim claim, double seconds, int maxRows) throws SQLException {
            Result result = new Result("");
            long started = System.nanoTime();
            long deadline = started + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline && result.rows < maxRows) {
                long t0 = System.nanoTime();
                int n = claim.claim(now(), now() + 120_000);
                result.batchMillis.add((System.nanoTime() - t0) / 1e6);
                result.rows += n;
            }
            result.seconds = (System.nanoTime() - started) / 1e9;
            requeue();
            return result;
        }

        /** Claimed rows go back to the queue, behind the rest, as a retry would put them. */
        void requeue() throws SQLException {
            requeues++;
            try (Connection c = pool.getConnection(); PreparedStatement update = c.prepareStatement(
                    "UPDATE tidings_communication SET status = 'QUEUED', lease_until = NULL, lease_owner = NULL, "
                            + "due_at = not_before + ? WHERE status = 'SENDING'")) {
                update.setLong(1, requeues * (size + 1L));
                update.executeUpdate();
            }
        }

        /** The store's claim alone for {@code minutes}, its rate printed every 30 s. */
        void sustain(Claim claim, double minutes, int rows) throws SQLException {
            System.out.printf("sustained: the store's claim alone for %.0f min, the claimed rows queued again "
                    + "every 30 s%n", minutes);
            long started = System.nanoTime();
            long end = started + (long) (minutes * 60e9);
            double worst = Double.MAX_VALUE;
            // as in Karaf: on PostgreSQL the store looks at the queue table's dead rows every 30 s and vacuums it
            // when the server's autovacuum is off (-Dtidings.bench.vacuum=false to leave it out)
            try (QueueVacuum vacuum = new QueueVacuum(pool)) {
                if (!(dialect instanceof Dialect.H2) && Boolean.parseBoolean(System.getProperty("tidings.bench.vacuum",
                        "true"))) {
                    vacuum.start(QueueVacuum.EVERY);
                }
                while (System.nanoTime() < end) {
                    Result r = round(claim, 30, Math.max(rows - BATCH, BATCH));
                    worst = Math.min(worst, r.rate());
                    System.out.printf("  %5.1f min: %,10.0f rows/s%s%n", (System.nanoTime() - started) / 60e9, r.rate(),
                            tableState());
                }
            }
            System.out.printf("sustained: slowest 30 s %,.0f rows/s%n", worst);
        }

        /**
         * On PostgreSQL, what the queue table carries after a round: dead row versions, autovacuum
         * runs so far, and the size of the table and of its indexes (empty on H2).
         */
        private String tableState() throws SQLException {
            if (dialect instanceof Dialect.H2) {
                return "";
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT n_live_tup, n_dead_tup, autovacuum_count, vacuum_count, pg_table_size(relid), "
                            + "pg_indexes_size(relid), current_setting('autovacuum') FROM pg_stat_user_tables "
                            + "WHERE relid = 'tidings_communication'::regclass")) {
                if (!rs.next()) {
                    return "";
                }
                return String.format(" | live %,d, dead %,d row versions; autovacuum (%s) runs %d, VACUUM runs (the "
                        + "fill's, then the store's) %d; table %,d MB, indexes %,d MB", rs.getLong(1), rs.getLong(2),
                        rs.getString(7), rs.getLong(3), rs.getLong(4), rs.getLong(5) >> 20, rs.getLong(6) >> 20);
            }
        }

        /**
         * The plain claim a programmer writes by hand: the front of the due index, the rows' columns
         * read by the same SELECT, one batched UPDATE by primary key, one commit; on PostgreSQL one
         * UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING.
         */
        Claim plainClaim() {
            if (dialect instanceof Dialect.H2) {
                return (now, lease) -> {
                    try (Connection c = pool.getConnection()) {
                        c.setAutoCommit(false);
                        List<String> ids = new ArrayList<>(BATCH);
                        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                                + " FROM tidings_communication WHERE due_at <= ? ORDER BY due_at LIMIT ?")) {
                            select.setLong(1, now);
                            select.setInt(2, BATCH);
                            try (ResultSet rs = select.executeQuery()) {
                                while (rs.next()) {
                                    ids.add(rs.getString(1));
                                    rs.getString(10);
                                }
                            }
                        }
                        try (PreparedStatement update = c.prepareStatement("UPDATE tidings_communication SET "
                                + "status = 'SENDING', due_at = NULL, lease_until = ?, updated_at = ? WHERE id = ?")) {
                            for (String id : ids) {
                                update.setLong(1, lease);
                                update.setLong(2, now);
                                update.setString(3, id);
                                update.addBatch();
                            }
                            update.executeBatch();
                        }
                        c.commit();
                        return ids.size();
                    }
                };
            }
            return (now, lease) -> {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    int n = 0;
                    try (PreparedStatement update = c.prepareStatement("UPDATE tidings_communication t SET "
                            + "status = 'SENDING', due_at = NULL, lease_until = ?, updated_at = ? FROM (SELECT id FROM "
                            + "tidings_communication WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) d "
                            + "WHERE t.id = d.id RETURNING t." + COLUMNS.replace(", ", ", t."))) {
                        update.setLong(1, lease);
                        update.setLong(2, now);
                        update.setLong(3, now);
                        update.setInt(4, BATCH);
                        try (ResultSet rs = update.executeQuery()) {
                            while (rs.next()) {
                                n++;
                            }
                        }
                    }
                    c.commit();
                    return n;
                }
            };
        }

        @Override
        public void close() {
            pool.close();
            drop.run();
        }
    }
}
