package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.core.store.DigestPlan;

/**
 * Applies what an event does to digests inside the transaction that records it, and reads them. One row per digest
 * key in {@code tidings_digest} names the communication of its window, locked while an event joins
 * it, so two nodes never open two windows of one key; a window is open while its communication is
 * still SCHEDULED (the claim that sends it ends it, and a join waits for or loses to that claim).
 */
final class DigestRecorder {

    private DigestRecorder() {
    }

    /**
     * Joins the event to the open window of each key, or opens one.
     *
     * @return the communications that open new windows, to be recorded with the event's own
     */
    static List<Communication> join(Connection c, BusinessEvent event, List<DigestPlan.Join> joins, long now)
            throws SQLException {
        List<Communication> opened = new ArrayList<>();
        for (DigestPlan.Join join : joins) {
            String open = joinOrOpen(c, join, now);
            if (open.equals(join.opening().id())) {
                opened.add(join.opening());
            }
            try (PreparedStatement item = c.prepareStatement("INSERT INTO tidings_digest_item (communication_id, "
                    + "event_id, entity_type, entity_id, added_at, item_no) VALUES (?,?,?,?,?,(SELECT COALESCE(MAX("
                    + "item_no), 0) + 1 FROM tidings_digest_item WHERE communication_id = ?))")) {
                bind(item, open, event.id(), event.entity().type(), event.entity().id(), now, open);
                item.executeUpdate();
            }
        }
        return opened;
    }

    /**
     * The communication the event joins: the key's open window, or the join's own opening. The key's
     * row is locked before it is read, so of transactions that find a window closed one repoints the
     * key and the others join the window it opens; of those that find no row one inserts it and the
     * others, refused by its primary key, read it again and join.
     */
    private static String joinOrOpen(Connection c, DigestPlan.Join join, long now) throws SQLException {
        for (int attempt = 0;; attempt++) {
            String current = windowOf(c, join.key());
            if (current != null) {
                if (stillScheduled(c, current, now)) {
                    return current;
                }
                repoint(c, join.key(), join.opening().id(), now);
                return join.opening().id();
            }
            // PostgreSQL aborts the transaction on a failed insert: a savepoint keeps it usable
            Savepoint before = c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO tidings_digest (digest_key, communication_id, opened_at) VALUES (?,?,?)")) {
                bind(insert, join.key(), join.opening().id(), now);
                insert.executeUpdate();
                return join.opening().id();
            } catch (SQLException e) {
                c.rollback(before);
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** The key's row, locked until the transaction ends; null when the key has none. */
    private static String windowOf(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT communication_id FROM tidings_digest WHERE digest_key = ? FOR UPDATE")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether the window's communication still waits, locking it: the claim that sends it waits for, or skips, this item. */
    private static boolean stillScheduled(Connection c, String id, long now) throws SQLException {
        try (PreparedStatement touch = c.prepareStatement(
                "UPDATE tidings_communication SET updated_at = ? WHERE id = ? AND status = 'SCHEDULED'")) {
            bind(touch, now, id);
            return touch.executeUpdate() == 1;
        }
    }

    private static void repoint(Connection c, String key, String communicationId, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE tidings_digest SET communication_id = ?, opened_at = ? WHERE digest_key = ?")) {
            bind(update, communicationId, now, key);
            update.executeUpdate();
        }
    }

    /** Takes a cancelled entity's items out of the rule's unsent digests; a digest left empty is CANCELLED. */
    static void leave(Connection c, DigestPlan.Leave leave, long now) throws SQLException {
        List<String> digests = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT i.communication_id FROM tidings_digest_item i "
                + "JOIN tidings_communication m ON m.id = i.communication_id WHERE i.entity_type = ? AND i.entity_id = ? "
                + "AND m.rule_key = ? AND m.status = 'SCHEDULED'")) {
            bind(select, leave.entity().type(), leave.entity().id(), leave.ruleKey());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    digests.add(rs.getString(1));
                }
            }
        }
        for (String id : digests) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tidings_digest_item WHERE communication_id = ? "
                    + "AND entity_type = ? AND entity_id = ?")) {
                bind(delete, id, leave.entity().type(), leave.entity().id());
                delete.executeUpdate();
            }
            String[] first = firstItem(c, id);
            if (first == null) {
                try (PreparedStatement cancel = c.prepareStatement("UPDATE tidings_communication SET status = 'CANCELLED', "
                        + "status_reason = ?, due_at = NULL, lease_until = NULL, updated_at = ? "
                        + "WHERE id = ? AND status = 'SCHEDULED'")) {
                    bind(cancel, truncate(leave.reason(), 4000), now, id);
                    cancel.executeUpdate();
                }
            } else {
                // the digest renders its contact from its oldest item still in it
                try (PreparedStatement repoint = c.prepareStatement("UPDATE tidings_communication SET event_id = ?, "
                        + "entity_type = ?, entity_id = ?, updated_at = ? WHERE id = ? AND status = 'SCHEDULED'")) {
                    bind(repoint, first[0], first[1], first[2], now, id);
                    repoint.executeUpdate();
                }
            }
        }
    }

    /** The event id, entity type and id of a digest's oldest item; null when it has none. */
    private static String[] firstItem(Connection c, String communicationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT event_id, entity_type, entity_id FROM "
                + "tidings_digest_item WHERE communication_id = ? ORDER BY item_no")) {
            select.setString(1, communicationId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
            }
        }
    }

    /** The due moment of the key's window while its communication is still SCHEDULED. */
    static Optional<Instant> openUntil(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT m.due_at FROM tidings_digest d JOIN "
                + "tidings_communication m ON m.id = d.communication_id WHERE d.digest_key = ? AND m.status = 'SCHEDULED'")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        }
    }

    /** The ids of a digest's events, oldest first. */
    static List<String> itemEvents(Connection c, String communicationId) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT event_id FROM tidings_digest_item WHERE communication_id = ? ORDER BY item_no")) {
            select.setString(1, communicationId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
