package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.execute;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.tidings.api.webhook.Webhook;
import io.tidings.api.webhook.WebhookDelivery;
import io.tidings.api.webhook.WebhookDeliveryStatus;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.core.store.WebhookRepository;

/**
 * Webhooks and their delivery queue over JDBC. A claim pushes {@code next_attempt_at} to the end of
 * the lease with a compare-and-set on the value it read, so two nodes never both take a delivery;
 * PostgreSQL also skips rows another node has locked instead of waiting for them.
 */
public final class JdbcWebhooks implements WebhookRepository {

    private static final String HOOK = "webhook_key, url, secret <> '', events, updated_at";
    private static final String DELIVERY = "id, webhook_key, event, status, attempts, last_error, created_at, "
            + "next_attempt_at, delivered_at";
    private static final String PENDING = WebhookDeliveryStatus.PENDING.name();

    static final String INSERT_DELIVERY = "INSERT INTO tidings_webhook_delivery (id, webhook_key, event, body, "
            + "status, attempts, created_at, queued_at, next_attempt_at) VALUES (?,?,?,?,?,0,?,?,?)";

    private final Transactions tx;
    private final String node;
    private final StatusDeliveries statusDeliveries;

    JdbcWebhooks(Transactions tx, String node, StatusDeliveries statusDeliveries) {
        this.tx = tx;
        this.node = node;
        this.statusDeliveries = statusDeliveries;
    }

    /** Adds a PENDING delivery, due at once, to the batch of {@link #INSERT_DELIVERY}. */
    static void addDelivery(PreparedStatement insert, String id, String webhookKey, String event, String body, long at)
            throws SQLException {
        bind(insert, id, webhookKey, event, body, PENDING, at, at, at);
        insert.addBatch();
    }

    @Override
    public Webhook save(String key, String url, String secret, Set<WebhookEvent> events, Instant at) {
        String names = events.stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(","));
        Webhook saved = tx.transaction(c -> {
            boolean exists = Transactions.exists(c, "SELECT 1 FROM tidings_webhook WHERE webhook_key = ?", key);
            if (!exists) {
                execute(c, "INSERT INTO tidings_webhook (webhook_key, url, secret, events, updated_at) VALUES (?,?,?,?,?)",
                        key, url, secret == null ? "" : secret, names, at.toEpochMilli());
            } else if (secret == null) {
                execute(c, "UPDATE tidings_webhook SET url = ?, events = ?, updated_at = ? WHERE webhook_key = ?",
                        url, names, at.toEpochMilli(), key);
            } else {
                execute(c, "UPDATE tidings_webhook SET url = ?, secret = ?, events = ?, updated_at = ? "
                        + "WHERE webhook_key = ?", url, secret, names, at.toEpochMilli(), key);
            }
            return find(c, key).orElseThrow();
        });
        statusDeliveries.invalidate(); // once committed, so no status change reads the old list again
        return saved;
    }

    @Override
    public Optional<Webhook> find(String key) {
        return tx.transaction(c -> find(c, key));
    }

    @Override
    public List<Webhook> list() {
        return tx.transaction(c -> hooks(c, "SELECT " + HOOK + " FROM tidings_webhook ORDER BY webhook_key"));
    }

    @Override
    public boolean delete(String key) {
        boolean deleted = tx.transaction(c -> {
            execute(c, "DELETE FROM tidings_webhook_delivery WHERE webhook_key = ?", key);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tidings_webhook WHERE webhook_key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate() > 0;
            }
        });
        statusDeliveries.invalidate();
        return deleted;
    }

    @Override
    public Set<WebhookEvent> subscribed() {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        list().forEach(w -> events.addAll(w.events()));
        return events;
    }

    @Override
    public int enqueue(List<Publication> publications) {
        if (publications.isEmpty()) {
            return 0;
        }
        return tx.transaction(c -> {
            List<Webhook> hooks = hooks(c, "SELECT " + HOOK + " FROM tidings_webhook");
            int queued = 0;
            try (PreparedStatement insert = c.prepareStatement(INSERT_DELIVERY)) {
                for (Publication p : publications) {
                    for (Webhook hook : hooks) {
                        if (hook.events().contains(p.event())) {
                            String id = UUID.randomUUID().toString();
                            addDelivery(insert, id, hook.key(), p.event().wireName(), p.body().apply(id),
                                    p.at().toEpochMilli());
                            queued++;
                        }
                    }
                }
                if (queued > 0) {
                    insert.executeBatch();
                }
            }
            return queued;
        });
    }

    @Override
    public List<DueDelivery> claim(Instant now, Instant leaseUntil, int limit) {
        return tx.transactionRetryingConflicts(c -> {
            List<String[]> candidates = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, next_attempt_at FROM tidings_webhook_delivery "
                    // one total order (the id breaks ties): two nodes lease rows in the same order, so one
                    // waits for the other instead of each holding a row the other wants (a deadlock on H2)
                    + "WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"
                    + (tx.dialect().lockSkippingLocked().contains("SKIP") ? tx.dialect().lockSkippingLocked() : ""))) {
                bind(select, PENDING, now.toEpochMilli(), limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                    }
                }
            }
            List<DueDelivery> claimed = new ArrayList<>();
            for (String[] candidate : candidates) {
                try (PreparedStatement lease = c.prepareStatement("UPDATE tidings_webhook_delivery SET "
                        + "next_attempt_at = ?, claimed_by = ? WHERE id = ? AND status = ? AND next_attempt_at = ?")) {
                    bind(lease, leaseUntil.toEpochMilli(), node, candidate[0], PENDING, Long.parseLong(candidate[1]));
                    if (lease.executeUpdate() == 1) {
                        DueDelivery due = due(c, candidate[0]);
                        if (due != null) {
                            claimed.add(due);
                        } else { // queued with a status change while its webhook was being deleted
                            execute(c, "DELETE FROM tidings_webhook_delivery WHERE id = ?", candidate[0]);
                        }
                    }
                }
            }
            return claimed;
        });
    }

    private static DueDelivery due(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT d.id, d.webhook_key, w.url, w.secret, d.body, "
                + "d.attempts, d.queued_at FROM tidings_webhook_delivery d JOIN tidings_webhook w "
                + "ON w.webhook_key = d.webhook_key WHERE d.id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new DueDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)));
            }
        }
    }

    @Override
    public int releaseOwnClaims(Instant now) {
        return tx.update("UPDATE tidings_webhook_delivery SET next_attempt_at = ?, claimed_by = NULL "
                + "WHERE status = ? AND claimed_by = ?", now.toEpochMilli(), PENDING, node);
    }

    @Override
    public void delivered(String id, int attempts, Instant at) {
        tx.update("UPDATE tidings_webhook_delivery SET status = ?, attempts = ?, last_error = NULL, "
                + "next_attempt_at = NULL, delivered_at = ?, claimed_by = NULL WHERE id = ? AND status = ?",
                WebhookDeliveryStatus.DELIVERED.name(), attempts, at.toEpochMilli(), id, PENDING);
    }

    @Override
    public void failed(String id, int attempts, String error, Instant nextAttempt) {
        tx.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE tidings_webhook_delivery SET status = ?, "
                    + "attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL WHERE id = ? AND status = ?")) {
                bind(update, nextAttempt == null ? WebhookDeliveryStatus.FAILED.name() : PENDING, attempts,
                        truncate(error, 1000), null, id, PENDING);
                Transactions.setLong(update, 4, nextAttempt == null ? null : nextAttempt.toEpochMilli());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<WebhookDelivery> deliveries(String key, WebhookDeliveryStatus status, int limit) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + DELIVERY + " FROM tidings_webhook_delivery "
                    + "WHERE webhook_key = ?" + (status == null ? "" : " AND status = ?")
                    + " ORDER BY created_at DESC, id LIMIT ?")) {
                if (status == null) {
                    bind(select, key, limit);
                } else {
                    bind(select, key, status.name(), limit);
                }
                return deliveries(select);
            }
        });
    }

    @Override
    public Optional<WebhookDelivery> delivery(String key, String id) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + DELIVERY + " FROM tidings_webhook_delivery "
                    + "WHERE webhook_key = ? AND id = ?")) {
                bind(select, key, id);
                return deliveries(select).stream().findFirst();
            }
        });
    }

    @Override
    public int purge(Instant before) {
        return tx.update("DELETE FROM tidings_webhook_delivery WHERE status <> ? AND created_at < ?", PENDING,
                before.toEpochMilli());
    }

    @Override
    public boolean redrive(String key, String id, Instant now) {
        return tx.update("UPDATE tidings_webhook_delivery SET status = ?, attempts = 0, queued_at = ?, "
                + "next_attempt_at = ? WHERE webhook_key = ? AND id = ? AND status = ?", PENDING, now.toEpochMilli(),
                now.toEpochMilli(), key, id, WebhookDeliveryStatus.FAILED.name()) == 1;
    }

    private static List<WebhookDelivery> deliveries(PreparedStatement select) throws SQLException {
        List<WebhookDelivery> result = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                result.add(new WebhookDelivery(rs.getString(1), rs.getString(2),
                        WebhookEvent.parse(rs.getString(3), "event"), WebhookDeliveryStatus.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), instant(rs, 8),
                        instant(rs, 9)));
            }
        }
        return result;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Optional<Webhook> find(Connection c, String key) throws SQLException {
        List<Webhook> found = hooks(c, "SELECT " + HOOK + " FROM tidings_webhook WHERE webhook_key = ?", key);
        return found.stream().findFirst();
    }

    private static List<Webhook> hooks(Connection c, String sql, Object... args) throws SQLException {
        List<Webhook> result = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, args);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
                    for (String name : rs.getString(4).split(",")) {
                        if (!name.isBlank()) {
                            events.add(WebhookEvent.parse(name, "events"));
                        }
                    }
                    result.add(new Webhook(rs.getString(1), rs.getString(2), events, rs.getBoolean(3),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        }
        return result;
    }
}
