package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.deleteEach;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Erasure;
import io.tidings.core.store.CommunicationRecord;

/** The record of what was planned and sent over JDBC: look-ups, retention and erasure. */
public final class JdbcCommunicationRecord implements CommunicationRecord {

    private static final int MAX_LIST = 1000;

    private final Transactions tx;

    JdbcCommunicationRecord(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Communication> communication(String id) {
        return tx.transaction(c -> CommunicationRows.byIds(c, List.of(id)).stream().findFirst());
    }

    /** By recipient and time (index tidings_communication_recipient_sent), in chunks of an IN list. */
    @Override
    public List<RecentSend> sentTo(java.util.Collection<String> recipients, java.time.Instant since) {
        List<String> distinct = recipients.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        return tx.transaction(c -> {
            List<RecentSend> sent = new ArrayList<>();
            for (List<String> chunk : Transactions.chunks(distinct, 100)) {
                String in = Transactions.marks(chunk.size());
                // what is on its way counts too: a message handed to its channel in an earlier round (of
                // this node or another) and not yet recorded as sent, counted from its claim
                try (PreparedStatement select = c.prepareStatement("SELECT recipient, rule_key, CASE WHEN status = "
                        + "'SENDING' THEN updated_at ELSE sent_at END FROM tidings_communication WHERE recipient IN ("
                        + in + ") AND ((status IN ('SENT','DELIVERED','BOUNCED') AND sent_at >= ?) OR (status = "
                        + "'SENDING' AND handed_over AND updated_at >= ?))")) {
                    int i = 1;
                    for (String recipient : chunk) {
                        select.setString(i++, recipient);
                    }
                    select.setLong(i++, since.toEpochMilli());
                    select.setLong(i, since.toEpochMilli());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            sent.add(new RecentSend(rs.getString(1), rs.getString(2), java.time.Instant.ofEpochMilli(rs.getLong(3))));
                        }
                    }
                }
            }
            return sent;
        });
    }

    @Override
    public List<Communication> communications(CommunicationQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + CommunicationRows.COLUMNS + " FROM tidings_communication WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.entityType() != null) {
            sql.append(" AND entity_type = ?");
            args.add(query.entityType());
        }
        if (query.entityId() != null) {
            sql.append(" AND entity_id = ?");
            args.add(query.entityId());
        }
        if (query.contact() != null) {
            sql.append(" AND recipient = ?");
            args.add(query.contact());
        }
        if (query.contactId() != null) {
            sql.append(" AND contact_id = ?");
            args.add(query.contactId());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.run() != null) {
            sql.append(" AND event_id IN (SELECT event_id FROM tidings_run_event WHERE run_key = ?)");
            args.add(query.run());
        }
        if (query.units() != null) {
            if (query.units().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND unit IN (").append(Transactions.marks(query.units().size()))
                        .append(")");
                args.addAll(new java.util.TreeSet<>(query.units()));
            }
        }
        int limit = query.limit() <= 0 ? 100 : Math.min(query.limit(), MAX_LIST);
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit);
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                bind(select, args.toArray());
                return CommunicationRows.communications(select);
            }
        });
    }

    @Override
    public Map<CommunicationStatus, Long> countByStatus() {
        return tx.transaction(c -> {
            Map<CommunicationStatus, Long> counts = new EnumMap<>(CommunicationStatus.class);
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM tidings_communication GROUP BY status");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(CommunicationStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public Map<String, Long> sentByRule(java.time.Instant since) {
        return tx.transaction(c -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT rule_key, COUNT(*) FROM tidings_communication "
                    + "WHERE status IN ('SENT','DELIVERED','BOUNCED') AND sent_at >= ? GROUP BY rule_key")) {
                select.setLong(1, since.toEpochMilli());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            counts.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public List<io.tidings.api.channel.ChannelOutcomes> outcomesByChannel(java.time.Instant since) {
        return tx.transaction(c -> {
            Map<String, long[]> counts = new java.util.TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT channel, COUNT(*), "
                    + "SUM(CASE WHEN status = 'BOUNCED' THEN 1 ELSE 0 END) FROM tidings_communication "
                    + "WHERE status IN ('SENT','DELIVERED','BOUNCED') AND sent_at >= ? AND channel IS NOT NULL "
                    + "GROUP BY channel")) {
                select.setLong(1, since.toEpochMilli());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), 0});
                    }
                }
            }
            // a complaint names an address, not a message: the channels that sent to it in the period
            try (PreparedStatement select = c.prepareStatement("SELECT m.channel, COUNT(DISTINCT s.address) "
                    + "FROM tidings_suppression s JOIN tidings_communication m ON LOWER(m.recipient) = s.address "
                    + "WHERE s.reason LIKE 'complaint:%' AND s.suppressed_at >= ? AND m.sent_at >= ? "
                    + "AND m.status IN ('SENT','DELIVERED','BOUNCED') AND m.channel IS NOT NULL GROUP BY m.channel")) {
                select.setLong(1, since.toEpochMilli());
                select.setLong(2, since.toEpochMilli());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long[] channel = counts.get(rs.getString(1));
                        if (channel != null) {
                            channel[2] = rs.getLong(2);
                        }
                    }
                }
            }
            List<io.tidings.api.channel.ChannelOutcomes> outcomes = new ArrayList<>();
            counts.forEach((channel, n) -> outcomes.add(new io.tidings.api.channel.ChannelOutcomes(channel, n[0], n[1],
                    n[2])));
            return outcomes;
        });
    }

    /** The statuses a communication is done with, as retention sees it (a SENT one may still get a receipt). */
    private static final String DONE_WITH = "('SENT','DELIVERED','FAILED','CANCELLED','SUPPRESSED')";

    @Override
    public int purge(Instant before, int limit) {
        long cutoff = before.toEpochMilli();
        return tx.transaction(c -> {
            int removed;
            try (PreparedStatement select = c.prepareStatement("SELECT id, event_id FROM tidings_communication "
                    + "WHERE created_at < ? AND status IN " + DONE_WITH + " ORDER BY created_at LIMIT ?")) {
                select.setLong(1, cutoff);
                select.setInt(2, limit);
                removed = removeCommunications(c, select).communications();
            }
            // and old events no rule ever planned a message for
            try (PreparedStatement orphans = c.prepareStatement("DELETE FROM tidings_event WHERE id IN (SELECT e.id FROM "
                    + "tidings_event e WHERE e.received_at < ? AND NOT EXISTS (SELECT 1 FROM tidings_communication x "
                    + "WHERE x.event_id = e.id) AND NOT EXISTS (SELECT 1 FROM tidings_digest_item i WHERE i.event_id = e.id) "
                    + "ORDER BY e.received_at LIMIT ?)")) {
                orphans.setLong(1, cutoff);
                orphans.setInt(2, limit);
                return Math.max(removed, orphans.executeUpdate());
            }
        });
    }

    @Override
    public Erasure erase(String address) {
        return tx.transaction(c -> {
            Removed removed;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, event_id FROM tidings_communication WHERE recipient = ?")) {
                select.setString(1, address);
                removed = removeCommunications(c, select);
            }
            int responses = deleteEach(c, "DELETE FROM tidings_link_response WHERE address = ?", List.of(address));
            int optIns = deleteEach(c, "DELETE FROM tidings_opt_in WHERE address = ?", List.of(address));
            // soft bounces on the way to a suppression go; a suppression itself stays, as opt-outs do
            deleteEach(c, "DELETE FROM tidings_soft_bounce WHERE address = ?",
                    List.of(address.contains("@") ? address.toLowerCase(java.util.Locale.ROOT) : address));
            int optOuts;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM tidings_opt_out WHERE address = ?")) {
                count.setString(1, address);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    optOuts = rs.getInt(1);
                }
            }
            return new Erasure(address, removed.communications(), removed.events(), responses, optIns, optOuts);
        });
    }

    private record Removed(int communications, int events) {
    }

    /**
     * Removes the communications a query selects as (id, event_id), their open and click counts and
     * outbox rows, and those of their events no communication refers to any more.
     */
    private static Removed removeCommunications(Connection c, PreparedStatement select) throws SQLException {
        List<String> ids = new ArrayList<>();
        Set<String> events = new HashSet<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                events.add(rs.getString(2));
            }
        }
        // a digest's items are events of their own: they go with it when nothing else refers to them
        try (PreparedStatement items = c.prepareStatement(
                "SELECT event_id FROM tidings_digest_item WHERE communication_id = ?")) {
            for (String id : ids) {
                items.setString(1, id);
                try (ResultSet rs = items.executeQuery()) {
                    while (rs.next()) {
                        events.add(rs.getString(1));
                    }
                }
            }
        }
        for (String table : List.of("tidings_engagement", "tidings_outbox", "tidings_digest_item", "tidings_digest")) {
            deleteEach(c, "DELETE FROM " + table + " WHERE communication_id = ?", ids);
        }
        deleteEach(c, "DELETE FROM tidings_communication WHERE id = ?", ids);
        int erasedEvents = deleteEach(c, "DELETE FROM tidings_event WHERE id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM tidings_communication WHERE event_id = tidings_event.id) AND NOT EXISTS "
                + "(SELECT 1 FROM tidings_digest_item WHERE event_id = tidings_event.id)", List.copyOf(events));
        return new Removed(ids.size(), erasedEvents);
    }
}
