package io.tidings.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.core.store.OutboxRepository;
import io.tidings.store.jdbc.Dialect;
import io.tidings.store.jdbc.JdbcRepositories;
import io.tidings.store.jdbc.Migrations;
import io.tidings.store.jdbc.StoreComponent;

/**
 * Not a test: measures claiming batches of 50 from the front of a 100,000-row backlog on an H2
 * file database, the store's claim (index range scan + conditional update) against a naive
 * {@code SELECT ... ORDER BY due_at LIMIT 50 FOR UPDATE}. Each variant gets a fresh database with
 * the same backlog. Run with {@code benchmarks/run claim [rows] [batches]}.
 */
public final class ClaimBacklogBenchmark {

    private static final int BATCH = 50;

    private interface Claim {
        int claim(Instant now, Instant leaseUntil) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf("H2 file database, %,d due rows, %d batches of %d from the front of the backlog%n", rows,
                batches, BATCH);
        measure("store claim (range scan + conditional update)", rows, batches,
                (pool, store) -> (now, lease) -> store.claimDue(now, BATCH, lease).size());
        measure("naive SELECT ... ORDER BY due_at LIMIT 50 FOR UPDATE", rows, batches,
                (pool, store) -> (now, lease) -> naiveClaim(pool, now, lease));
    }

    private interface Variant {
        Claim open(HikariDataSource pool, OutboxRepository store);
    }

    private static void measure(String name, int rows, int batches, Variant variant) throws Exception {
        Path dir = Files.createTempDirectory("tidings-claim-measurement");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(StoreComponent.effectiveUrl("jdbc:h2:file:" + dir.resolve("tidings")));
        h2.setUser("sa");
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Migrations.migrate(pool);
            OutboxRepository store = new JdbcRepositories(pool, new Dialect.H2(), Clock.systemUTC()).outbox();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            long fillStarted = System.nanoTime();
            fill(store, rows, start);
            double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
            Instant now = start.plusSeconds(rows);
            Instant lease = now.plusSeconds(120);
            Claim claim = variant.open(pool, store);
            for (int i = 0; i < 20; i++) {
                claim.claim(now, lease);
            }
            double[] millis = new double[batches];
            int claimed = 0;
            for (int i = 0; i < batches; i++) {
                long t0 = System.nanoTime();
                claimed += claim.claim(now, lease);
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(millis);
            double total = Arrays.stream(millis).sum();
            System.out.printf("%-55s fill %.1f s | per batch of %d: median %.2f ms, p95 %.2f ms, max %.2f ms |"
                    + " %,.0f rows/s (%d claimed)%n", name, fillSeconds, BATCH, millis[batches / 2],
                    millis[(int) (batches * 0.95)], millis[batches - 1], claimed / (total / 1000), claimed);
        }
    }

    /** The backlog: events of 1,000 queued communications each, due one second apart, oldest first. */
    private static void fill(OutboxRepository store, int rows, Instant start) {
        int perEvent = 1000;
        for (int e = 0; e * perEvent < rows; e++) {
            BusinessEvent event = new BusinessEvent("evt-" + e, "order.created",
                    OffsetDateTime.parse("2026-01-01T00:00:00Z"), null, new EntityRef("order", "O-" + e), Map.of());
            List<Communication> planned = new ArrayList<>(perEvent);
            for (int i = 0; i < perEvent && e * perEvent + i < rows; i++) {
                Instant due = start.plusSeconds(e * (long) perEvent + i);
                planned.add(new Communication(UUID.randomUUID().toString(), event.id(), event.entity(), "rule",
                        "template", null, Medium.EMAIL, null, "r" + i + "@example.com", "en",
                        CommunicationStatus.QUEUED, null, 0, due, due, null, null, null, null));
            }
            store.ingest(event, planned);
        }
    }

    /** What a claim looks like without the store's care: a locking query with ORDER BY. */
    private static int naiveClaim(HikariDataSource pool, Instant now, Instant leaseUntil) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            List<String> ids = new ArrayList<>(BATCH);
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM tidings_communication"
                    + " WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE")) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (!ids.isEmpty()) {
                String in = String.join(",", Collections.nCopies(ids.size(), "?"));
                try (PreparedStatement update = c.prepareStatement("UPDATE tidings_communication SET status = 'SENDING',"
                        + " due_at = NULL, lease_until = ? WHERE id IN (" + in + ")")) {
                    update.setLong(1, leaseUntil.toEpochMilli());
                    for (int i = 0; i < ids.size(); i++) {
                        update.setString(i + 2, ids.get(i));
                    }
                    update.executeUpdate();
                }
                // read the claimed rows, as the store does
                try (PreparedStatement read = c.prepareStatement(
                        "SELECT * FROM tidings_communication WHERE id IN (" + in + ")")) {
                    for (int i = 0; i < ids.size(); i++) {
                        read.setString(i + 1, ids.get(i));
                    }
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            rs.getString("recipient");
                        }
                    }
                }
            }
            c.commit();
            return ids.size();
        }
    }
}
