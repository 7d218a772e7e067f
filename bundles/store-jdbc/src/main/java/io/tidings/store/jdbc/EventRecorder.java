package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.setInteger;
import static io.tidings.store.jdbc.Transactions.setLong;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository.Planned;
import io.tidings.core.store.ReminderChange;
import io.tidings.core.store.ReminderMark;

/**
 * Records an event with what planning made of it inside the caller's transaction: the event row,
 * its communications, the reminders among them and the changes it makes to pending reminders and digests.
 */
final class EventRecorder {

    private final Transactions tx;

    EventRecorder(Transactions tx) {
        this.tx = tx;
    }

    IngestOutcome record(Connection c, Planned planned) throws SQLException {
        BusinessEvent event = planned.event();
        List<Communication> communications = planned.communications();
        Map<String, ReminderMark> reminders = planned.reminders();
        List<ReminderChange> changes = planned.changes();
        Optional<List<String>> known = idsOfEvent(c, event.id());
        if (known.isPresent()) {
            return new IngestOutcome(true, known.get());
        }
        long now = tx.millis();
        // PostgreSQL aborts the transaction on a failed insert: a savepoint keeps it usable for the re-read
        java.sql.Savepoint beforeInsert = c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_event (id, event_type, occurred_at, "
                + "location, entity_type, entity_id, data, received_at) VALUES (?,?,?,?,?,?,?,?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.type());
            insert.setString(3, event.occurredAt().toString());
            insert.setString(4, event.location());
            insert.setString(5, event.entity().type());
            insert.setString(6, event.entity().id());
            insert.setString(7, tx.write(event.data()));
            insert.setLong(8, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            // another node or thread recorded the same event id first
            c.rollback(beforeInsert);
            Optional<List<String>> raced = idsOfEvent(c, event.id());
            if (raced.isPresent()) {
                return new IngestOutcome(true, raced.get());
            }
            throw e;
        }
        if (!planned.digests().joins().isEmpty()) {
            communications = new ArrayList<>(communications);
            communications.addAll(DigestRecorder.join(c, event, planned.digests().joins(), now));
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_communication (id, event_id, "
                + "entity_type, entity_id, rule_key, template_key, template_version, medium, channel, recipient, "
                + "language, status, status_reason, attempts, not_before, due_at, created_at, updated_at, "
                + "reminder_key, expires_at, contact_id, unit) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Communication m : communications) {
                insert.setString(1, m.id());
                insert.setString(2, event.id());
                insert.setString(3, event.entity().type());
                insert.setString(4, event.entity().id());
                insert.setString(5, m.ruleKey());
                insert.setString(6, m.templateKey());
                setInteger(insert, 7, m.templateVersion());
                insert.setString(8, m.medium().name());
                insert.setString(9, m.channel());
                insert.setString(10, m.recipient());
                insert.setString(11, m.language());
                insert.setString(12, m.status().name());
                insert.setString(13, truncate(m.statusReason(), 4000));
                insert.setInt(14, m.attempts());
                long notBefore = (m.notBefore() == null ? Instant.ofEpochMilli(now) : m.notBefore()).toEpochMilli();
                insert.setLong(15, notBefore);
                boolean claimable = m.status() == CommunicationStatus.SCHEDULED || m.status() == CommunicationStatus.QUEUED;
                setLong(insert, 16, claimable ? notBefore : null);
                insert.setLong(17, m.createdAt() == null ? now : m.createdAt().toEpochMilli());
                insert.setLong(18, now);
                ReminderMark mark = reminders.get(m.id());
                insert.setString(19, mark == null ? null : mark.key());
                setLong(insert, 20, mark == null || mark.deadline() == null ? null : mark.deadline().toEpochMilli());
                insert.setString(21, ContactIds.of(event, m.recipient()));
                insert.setString(22, m.unit() != null ? m.unit() : event.unit());
                insert.addBatch();
                ids.add(m.id());
            }
            if (!ids.isEmpty()) {
                insert.executeBatch();
            }
        }
        for (ReminderChange change : changes) {
            applyReminderChange(c, event.id(), change, now);
        }
        for (io.tidings.core.store.DigestPlan.Leave leave : planned.digests().leaves()) {
            DigestRecorder.leave(c, leave, now);
        }
        return new IngestOutcome(false, ids);
    }

    private static void applyReminderChange(Connection c, String eventId, ReminderChange change, long now)
            throws SQLException {
        String template = change.templateKey() == null ? "" : " AND template_key = ?";
        switch (change.kind()) {
            case MOVE -> {
                try (PreparedStatement move = c.prepareStatement("UPDATE tidings_communication SET event_id = ?, "
                        + "not_before = ?, due_at = ?, expires_at = ?, status_reason = ?, updated_at = ? "
                        + "WHERE reminder_key = ? AND status = 'SCHEDULED'" + template)) {
                    long notBefore = change.notBefore().toEpochMilli();
                    bind(move, eventId, notBefore, notBefore,
                            change.deadline() == null ? null : change.deadline().toEpochMilli(),
                            truncate(change.reason(), 4000), now, change.key());
                    setLong(move, 4, change.deadline() == null ? null : change.deadline().toEpochMilli());
                    if (change.templateKey() != null) {
                        move.setString(8, change.templateKey());
                    }
                    move.executeUpdate();
                }
            }
            case CANCEL, SUPPRESS -> {
                String status = change.kind() == ReminderChange.Kind.CANCEL ? "CANCELLED" : "SUPPRESSED";
                try (PreparedStatement end = c.prepareStatement("UPDATE tidings_communication SET status = ?, "
                        + "status_reason = ?, due_at = NULL, lease_until = NULL, updated_at = ? "
                        + "WHERE reminder_key = ? AND status IN ('SCHEDULED','QUEUED')" + template)) {
                    bind(end, status, truncate(change.reason(), 4000), now, change.key());
                    if (change.templateKey() != null) {
                        end.setString(5, change.templateKey());
                    }
                    end.executeUpdate();
                }
            }
        }
    }

    static Optional<List<String>> idsOfEvent(Connection c, String eventId) throws SQLException {
        try (PreparedStatement known = c.prepareStatement("SELECT 1 FROM tidings_event WHERE id = ?")) {
            known.setString(1, eventId);
            try (ResultSet rs = known.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM tidings_communication WHERE event_id = ? ORDER BY created_at, id")) {
            select.setString(1, eventId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return Optional.of(ids);
    }
}
