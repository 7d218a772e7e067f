package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.setLong;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.tidings.api.CommunicationStatus;
import io.tidings.api.Purpose;
import io.tidings.api.run.NotificationRun;
import io.tidings.api.run.RunEngagement;
import io.tidings.api.run.RunReport;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.store.RunRepository;

/**
 * Notification runs over JDBC. A run holds events ({@code tidings_run_event}); its communications
 * are found through their event, with the index on {@code tidings_communication.event_id}.
 */
final class JdbcRuns implements RunRepository {

    private static final String COLUMNS = "run_key, name, purpose, send_at, created_at, created_by, closed_at, cancelled_at";
    /** The run's communications: a join every report query shares. */
    private static final String OF_RUN = " FROM tidings_communication c JOIN tidings_run_event r ON r.event_id = c.event_id "
            + "WHERE r.run_key = ?";

    private final Transactions tx;
    private final EventRecorder events;

    JdbcRuns(Transactions tx) {
        this.tx = tx;
        this.events = new EventRecorder(tx);
    }

    @Override
    public NotificationRun open(NotificationRun run) {
        return tx.transaction(c -> {
            Optional<NotificationRun> known = find(c, run.key());
            if (known.isPresent()) {
                return known.get();
            }
            // PostgreSQL aborts the transaction on a failed insert: a savepoint keeps it usable for the re-read
            java.sql.Savepoint beforeInsert = c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_run (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?)")) {
                insert.setString(1, run.key());
                insert.setString(2, truncate(run.name(), 500));
                insert.setString(3, run.purpose() == null ? null : run.purpose().name());
                setLong(insert, 4, run.sendAt() == null ? null : run.sendAt().toEpochMilli());
                insert.setLong(5, run.createdAt().toEpochMilli());
                insert.setString(6, truncate(run.createdBy(), 200));
                setLong(insert, 7, null);
                setLong(insert, 8, null);
                insert.executeUpdate();
            } catch (SQLException raced) {
                // another caller opened it first: its run counts
                c.rollback(beforeInsert);
            }
            return find(c, run.key()).orElseThrow(() -> new StoreException("store: run '" + run.key()
                    + "' could not be stored", null));
        });
    }

    @Override
    public Optional<NotificationRun> run(String key) {
        return tx.transaction(c -> find(c, key));
    }

    @Override
    public List<NotificationRun> runs(int limit) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tidings_run ORDER BY created_at DESC, run_key LIMIT " + Math.max(1, Math.min(limit, 1000)))) {
                List<NotificationRun> runs = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        runs.add(run(rs));
                    }
                }
                return runs;
            }
        });
    }

    @Override
    public List<IngestOutcome> ingestInto(String runKey, List<OutboxRepository.Planned> planned) {
        return tx.transaction(c -> {
            List<IngestOutcome> outcomes = new ArrayList<>(planned.size());
            try (PreparedStatement member = c.prepareStatement(
                    "INSERT INTO tidings_run_event (run_key, event_id) VALUES (?,?)")) {
                for (OutboxRepository.Planned p : planned) {
                    IngestOutcome outcome = events.record(c, p);
                    outcomes.add(outcome);
                    if (!outcome.duplicate()) {
                        member.setString(1, runKey);
                        member.setString(2, p.event().id());
                        member.addBatch();
                    }
                }
                member.executeBatch();
            }
            return outcomes;
        });
    }

    @Override
    public Optional<NotificationRun> close(String key, Instant at) {
        return tx.transaction(c -> {
            Transactions.execute(c, "UPDATE tidings_run SET closed_at = ? WHERE run_key = ? AND closed_at IS NULL",
                    at.toEpochMilli(), key);
            return find(c, key);
        });
    }

    @Override
    public int cancel(String key, Instant at, String reason) {
        return tx.transaction(c -> {
            if (find(c, key).isEmpty()) {
                return 0;
            }
            int cancelled;
            try (PreparedStatement update = c.prepareStatement("UPDATE tidings_communication SET status = 'CANCELLED', "
                    + "status_reason = ?, due_at = NULL, lease_until = NULL, updated_at = ? WHERE status IN "
                    + "('SCHEDULED','QUEUED') AND event_id IN (SELECT event_id FROM tidings_run_event WHERE run_key = ?)")) {
                bind(update, truncate(reason, 4000), at.toEpochMilli(), key);
                cancelled = update.executeUpdate();
            }
            Transactions.execute(c, "UPDATE tidings_run SET cancelled_at = COALESCE(cancelled_at, ?), "
                    + "closed_at = COALESCE(closed_at, ?) WHERE run_key = ?", at.toEpochMilli(), at.toEpochMilli(), key);
            return cancelled;
        });
    }

    @Override
    public Optional<RunReport> report(String key) {
        return tx.transaction(c -> {
            Optional<NotificationRun> run = find(c, key);
            if (run.isEmpty()) {
                return Optional.empty();
            }
            long events = count(c, "SELECT COUNT(*) FROM tidings_run_event WHERE run_key = ?", key);
            Map<CommunicationStatus, Long> byStatus = new EnumMap<>(CommunicationStatus.class);
            Map<String, Map<CommunicationStatus, Long>> byLanguage = new TreeMap<>();
            Map<String, Map<CommunicationStatus, Long>> byChannel = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT c.status, c.language, COALESCE(c.channel, "
                    + "c.medium), COUNT(*)" + OF_RUN + " GROUP BY c.status, c.language, COALESCE(c.channel, c.medium)")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        CommunicationStatus status = CommunicationStatus.valueOf(rs.getString(1));
                        long n = rs.getLong(4);
                        byStatus.merge(status, n, Long::sum);
                        byLanguage.computeIfAbsent(rs.getString(2) == null ? "none" : rs.getString(2),
                                k -> new EnumMap<>(CommunicationStatus.class)).merge(status, n, Long::sum);
                        byChannel.computeIfAbsent(rs.getString(3), k -> new EnumMap<>(CommunicationStatus.class))
                                .merge(status, n, Long::sum);
                    }
                }
            }
            Map<String, Long> reasons = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT c.status_reason, COUNT(*)" + OF_RUN
                    + " AND c.status IN ('SUPPRESSED','FAILED','CANCELLED') GROUP BY c.status_reason ORDER BY COUNT(*) DESC")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        reasons.put(rs.getString(1) == null ? "(no reason recorded)" : rs.getString(1), rs.getLong(2));
                    }
                }
            }
            RunEngagement engagement = new RunEngagement(
                    count(c, "SELECT COUNT(*)" + OF_RUN + " AND c.status IN ('SENT','DELIVERED')", key),
                    count(c, "SELECT COUNT(*)" + OF_RUN + " AND EXISTS (SELECT 1 FROM tidings_engagement e "
                            + "WHERE e.communication_id = c.id AND e.opens > 0)", key),
                    count(c, "SELECT COUNT(*)" + OF_RUN + " AND EXISTS (SELECT 1 FROM tidings_engagement e "
                            + "WHERE e.communication_id = c.id AND e.clicks > 0)", key),
                    count(c, "SELECT COUNT(*)" + OF_RUN + " AND EXISTS (SELECT 1 FROM tidings_link_response l "
                            + "WHERE l.communication_id = c.id AND l.action LIKE 'OPT_OUT%')", key),
                    count(c, "SELECT COUNT(*)" + OF_RUN + " AND (c.status = 'BOUNCED' OR (c.status = 'FAILED' "
                            + "AND c.sent_at IS NOT NULL))", key));
            return Optional.of(new RunReport(run.get(), events, byStatus, reasons, engagement, byLanguage, byChannel));
        });
    }

    /** Two reads: the span of the run's sends, then its sends grouped by bucket (integer division on both databases). */
    @Override
    public Optional<io.tidings.api.run.SendsOverTime> sendsOverTime(String key) {
        return tx.transaction(c -> {
            Optional<NotificationRun> run = find(c, key);
            if (run.isEmpty()) {
                return Optional.empty();
            }
            long first;
            long last;
            try (PreparedStatement span = c.prepareStatement("SELECT MIN(c.sent_at), MAX(c.sent_at)" + OF_RUN
                    + " AND c.sent_at IS NOT NULL")) {
                span.setString(1, key);
                try (ResultSet rs = span.executeQuery()) {
                    rs.next();
                    first = rs.getLong(1);
                    if (rs.wasNull()) {
                        return Optional.of(new io.tidings.api.run.SendsOverTime(run.get().createdAt(),
                                io.tidings.api.run.SendsOverTime.BUCKETS.get(0), List.of()));
                    }
                    last = rs.getLong(2);
                }
            }
            java.time.Duration bucket = io.tidings.api.run.SendsOverTime.bucketFor(java.time.Duration.ofMillis(last - first));
            long width = bucket.toMillis();
            long from = first - Math.floorMod(first, width);
            Long[] sends = new Long[(int) ((last - from) / width) + 1];
            java.util.Arrays.fill(sends, 0L);
            try (PreparedStatement select = c.prepareStatement("SELECT b, COUNT(*) FROM (SELECT (c.sent_at - ?) / ? AS b"
                    + OF_RUN.replace("r.run_key = ?", "r.run_key = ? AND c.sent_at IS NOT NULL") + ") x GROUP BY b")) {
                bind(select, from, width, key);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sends[(int) rs.getLong(1)] = rs.getLong(2);
                    }
                }
            }
            return Optional.of(new io.tidings.api.run.SendsOverTime(Instant.ofEpochMilli(from), bucket, List.of(sends)));
        });
    }

    private static long count(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Optional<NotificationRun> find(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM tidings_run WHERE run_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(run(rs)) : Optional.empty();
            }
        }
    }

    private static NotificationRun run(ResultSet rs) throws SQLException {
        String purpose = rs.getString(3);
        return new NotificationRun(rs.getString(1), rs.getString(2), purpose == null ? null : Purpose.valueOf(purpose),
                instant(rs, 4), instant(rs, 5), rs.getString(6), instant(rs, 7), instant(rs, 8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
