package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tidings.api.Communication;
import io.tidings.api.webhook.WebhookEvent;
import io.tidings.core.store.WebhookPayload;

/**
 * Queues the {@code communication.status} webhook deliveries of status changes inside the
 * transaction that records them, so a change is committed with its deliveries or not at all. Whether
 * any webhook subscribes is cached: refreshed at once after a registration on this node, and read
 * again after {@link #FRESH_NANOS} for registrations made on other nodes. Without a subscriber a
 * status change costs no statement here.
 */
final class StatusDeliveries {

    /** How long the answer to "does any webhook subscribe?" is trusted (registrations on other nodes). */
    static final long FRESH_NANOS = 5_000_000_000L;
    private static final String EVENT = WebhookEvent.COMMUNICATION_STATUS.wireName();
    private static final int CHUNK = 500;

    /** Writes a delivery's JSON; only tests write another. */
    @FunctionalInterface
    interface Body {
        String write(String deliveryId, Communication communication, Instant at);
    }

    private final Transactions tx;
    private volatile Body body = WebhookPayload::status;
    private volatile boolean subscribed;
    private volatile long readAt;
    private volatile boolean stale = true;

    StatusDeliveries(Transactions tx) {
        this.tx = tx;
    }

    void body(Body writer) {
        body = writer;
    }

    /** A webhook was saved or deleted on this node. */
    void invalidate() {
        stale = true;
    }

    /** Whether a status change would be queued for some webhook now: read what it needs only then. */
    boolean wanted(Connection c) throws SQLException {
        return subscribed(c);
    }

    /** One statement changing communication {@code id}'s status, with its deliveries. @return whether it did */
    boolean change(String id, String sql, Object... args) {
        return tx.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                Transactions.bind(update, args);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            written(c, List.of(id));
            return true;
        });
    }

    /** {@link #written} for the ids whose statement of a batch changed a row ({@code counts} as the batch answered). */
    void written(Connection c, List<String> ids, int[] counts) throws SQLException {
        List<String> changed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (i >= counts.length || counts[i] != 0) { // SUCCESS_NO_INFO (-2) counts as changed
                changed.add(ids.get(i));
            }
        }
        written(c, changed);
    }

    /** Queues a delivery of each communication's status as recorded now to every subscribing webhook. */
    void written(Connection c, List<String> ids) throws SQLException {
        Body writer = body;
        if (ids.isEmpty() || !subscribed(c)) {
            return;
        }
        List<String> hooks = subscribers(c);
        if (hooks.isEmpty()) {
            return;
        }
        long now = tx.millis();
        Instant at = Instant.ofEpochMilli(now);
        try (PreparedStatement insert = c.prepareStatement(JdbcWebhooks.INSERT_DELIVERY)) {
            for (List<String> chunk : Transactions.chunks(ids, CHUNK)) {
                for (Communication communication : CommunicationRows.byIds(c, chunk)) {
                    for (String hook : hooks) {
                        String id = UUID.randomUUID().toString();
                        JdbcWebhooks.addDelivery(insert, id, hook, EVENT, writer.write(id, communication, at), now);
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private boolean subscribed(Connection c) throws SQLException {
        long now = System.nanoTime();
        if (stale || now - readAt > FRESH_NANOS) {
            stale = false;
            readAt = now;
            subscribed = !subscribers(c).isEmpty();
        }
        return subscribed;
    }

    private static List<String> subscribers(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT webhook_key, events FROM tidings_webhook");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (List.of(rs.getString(2).split(",")).contains(EVENT)) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }
}
