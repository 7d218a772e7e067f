package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;

/** Rows of {@code tidings_communication} as communications: the outbox claims them, the record looks them up. */
final class CommunicationRows {

    static final String COLUMNS = "id, event_id, entity_type, entity_id, rule_key, template_key, template_version, "
            + "medium, channel, recipient, language, status, status_reason, attempts, not_before, created_at, sent_at, "
            + "provider_message_id, subject, body, unit";

    private CommunicationRows() {
    }

    /** The communications with these ids, in their order, read by one statement; an unknown id is left out. */
    static List<Communication> byIds(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, Communication> found = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM tidings_communication "
                + "WHERE id IN (" + Transactions.marks(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            for (Communication row : communications(select)) {
                found.put(row.id(), row);
            }
        }
        List<Communication> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            Communication row = found.get(id);
            if (row != null) {
                result.add(row);
            }
        }
        return result;
    }

    /** The id of the newest communication of the channel carrying the provider's id, as provider feedback finds it. */
    static Optional<String> newestId(Connection c, String channel, String providerMessageId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT id FROM tidings_communication WHERE channel = ? "
                + "AND provider_message_id = ? ORDER BY COALESCE(sent_at, created_at) DESC LIMIT 1")) {
            query.setString(1, channel);
            query.setString(2, providerMessageId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Runs a query selecting {@link #COLUMNS}. */
    static List<Communication> communications(PreparedStatement select) throws SQLException {
        List<Communication> result = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                result.add(communication(rs));
            }
        }
        return result;
    }

    /** The communication at the result set's current row, whose first columns are {@link #COLUMNS}. */
    static Communication communication(ResultSet rs) throws SQLException {
        int version = rs.getInt(7);
        Integer templateVersion = rs.wasNull() ? null : version;
        long sent = rs.getLong(17);
        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
        return new Communication(rs.getString(1), rs.getString(2), new EntityRef(rs.getString(3), rs.getString(4)),
                rs.getString(5), rs.getString(6), templateVersion, Medium.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11), CommunicationStatus.valueOf(rs.getString(12)),
                rs.getString(13), rs.getInt(14), Instant.ofEpochMilli(rs.getLong(15)),
                Instant.ofEpochMilli(rs.getLong(16)), sentAt, rs.getString(18), rs.getString(19), rs.getString(20),
                rs.getString(21));
    }
}
