package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Erasure;
import io.tidings.api.Medium;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkResponse;
import io.tidings.api.location.Location;
import io.tidings.api.location.TimeRange;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.rule.QuietHours;
import io.tidings.api.rule.Reminder;
import io.tidings.api.template.Template;
import io.tidings.api.template.TemplateContent;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.EngagementRepository;
import io.tidings.core.store.ExternalOutboxRepository;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.LocationRepository;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.store.RuleRepository;
import io.tidings.core.store.SettingsRepository;
import io.tidings.core.store.TemplateRepository;
import io.tidings.core.store.ReminderChange;
import io.tidings.core.store.ReminderMark;

/**
 * The store over JDBC (H2 or PostgreSQL). Each method is one transaction, committed before it
 * returns.
 */
public final class JdbcStore implements OutboxRepository, CommunicationRecord, TemplateRepository, RuleRepository,
        LocationRepository, ConsentRepository, EngagementRepository, ExternalOutboxRepository, SettingsRepository {

    static final String OUTCOME_UNKNOWN = "outcome unknown: the attempt was interrupted before its result was recorded (lease expired)";
    static final String POSSIBLE_DUPLICATE = "sent; an earlier attempt was interrupted with its outcome unknown, "
            + "so the recipient may have it twice";
    private static final int MAX_LIST = 1000;
    private static final String COLUMNS = "id, event_id, entity_type, entity_id, rule_key, template_key, template_version, "
            + "medium, channel, recipient, language, status, status_reason, attempts, not_before, created_at, sent_at, "
            + "provider_message_id, subject, body";
    private static final String FINAL = "('DELIVERED','FAILED','CANCELLED','SUPPRESSED')";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, TemplateContent>> CONTENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<io.tidings.api.template.TemplateAttachment>> ATTACHMENTS =
            new TypeReference<>() {
            };
    private static final TypeReference<io.tidings.api.queue.QueuedMessage> QUEUED_MESSAGE = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** H2 serves one node: claims are serialised in the JVM; PostgreSQL serialises them itself. */
    private final Object claimLock = new Object();

    public JdbcStore(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
    }

    // ---- events and the outbox

    @Override
    public IngestOutcome ingest(BusinessEvent event, List<Communication> communications,
            Map<String, ReminderMark> reminders, List<ReminderChange> changes) {
        return transaction(c -> ingest(c, new Planned(event, communications, reminders, changes)));
    }

    @Override
    public List<IngestOutcome> ingestAll(List<Planned> events) {
        return transaction(c -> {
            List<IngestOutcome> outcomes = new ArrayList<>(events.size());
            for (Planned planned : events) {
                outcomes.add(ingest(c, planned));
            }
            return outcomes;
        });
    }

    private IngestOutcome ingest(Connection c, Planned planned) throws SQLException {
        BusinessEvent event = planned.event();
        List<Communication> communications = planned.communications();
        Map<String, ReminderMark> reminders = planned.reminders();
        List<ReminderChange> changes = planned.changes();
        Optional<List<String>> known = idsOfEvent(c, event.id());
        if (known.isPresent()) {
            return new IngestOutcome(true, known.get());
        }
        long now = clock.millis();
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
            insert.setString(7, write(event.data()));
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
        List<String> ids = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_communication (id, event_id, "
                + "entity_type, entity_id, rule_key, template_key, template_version, medium, channel, recipient, "
                + "language, status, status_reason, attempts, not_before, due_at, created_at, updated_at, "
                + "reminder_key, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
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

    @Override
    public List<Communication> pendingReminders(String reminderKey) {
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM tidings_communication WHERE reminder_key = ? AND status = 'SCHEDULED' ORDER BY created_at, id")) {
                select.setString(1, reminderKey);
                return communications(select);
            }
        });
    }

    @Override
    public int suppressExpiredReminders(Instant now) {
        int suppressed = 0;
        for (String status : List.of("SCHEDULED", "QUEUED")) {
            suppressed += update("UPDATE tidings_communication SET status = 'SUPPRESSED', status_reason = ?, "
                    + "due_at = NULL, lease_until = NULL, updated_at = ? WHERE status = ? AND expires_at <= ?",
                    "not sent: the appointment this reminder is for has passed", clock.millis(), status,
                    now.toEpochMilli());
        }
        return suppressed;
    }

    @Override
    public Optional<List<String>> communicationsOfEvent(String eventId) {
        return transaction(c -> idsOfEvent(c, eventId));
    }

    private static Optional<List<String>> idsOfEvent(Connection c, String eventId) throws SQLException {
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

    @Override
    public Optional<BusinessEvent> event(String eventId) {
        return Optional.ofNullable(events(List.of(eventId)).get(eventId));
    }

    /** One transaction and one statement for the batch. */
    @Override
    public Map<String, BusinessEvent> events(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return transaction(c -> {
            Map<String, BusinessEvent> found = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, event_type, occurred_at, location, "
                    + "entity_type, entity_id, data FROM tidings_event WHERE id = ?")) {
                for (String id : new LinkedHashSet<>(eventIds)) {
                    select.setString(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            found.put(id, new BusinessEvent(rs.getString(1), rs.getString(2),
                                    OffsetDateTime.parse(rs.getString(3)), rs.getString(4),
                                    new EntityRef(rs.getString(5), rs.getString(6)), read(rs.getString(7), MAP)));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<Communication> claimDue(Instant now, int limit, Instant leaseUntil) {
        if (dialect instanceof Dialect.H2) {
            synchronized (claimLock) {
                return claim(now, limit, leaseUntil);
            }
        }
        return claim(now, limit, leaseUntil);
    }

    private List<Communication> claim(Instant now, int limit, Instant leaseUntil) {
        return transaction(c -> {
            List<String> ids = dialect.claim(c, now.toEpochMilli(), limit, leaseUntil.toEpochMilli());
            return byIds(c, ids);
        });
    }

    private static final String MARK_SENT = "UPDATE tidings_communication SET status = 'SENT', status_reason = CASE "
            + "WHEN status_reason LIKE ? THEN ? ELSE NULL END, channel = ?, provider_message_id = ?, template_version = ?, "
            + "language = ?, subject = ?, body = ?, sent_at = ?, attempts = attempts + 1, due_at = NULL, lease_until = NULL, "
            + "updated_at = ? WHERE id = ? AND status IN ('SENDING','QUEUED','SCHEDULED')";

    @Override
    public void markSent(String id, String channel, String providerMessageId, int templateVersion, String language,
            String subject, String body, Instant sentAt) {
        markSentAll(List.of(new Sent(id, channel, providerMessageId, templateVersion, language, subject, body, sentAt)));
    }

    /**
     * A result that arrives after its lease expired still counts (the row was queued again but not
     * yet resent), and a send after an interrupted attempt keeps saying that a duplicate is possible.
     */
    @Override
    public void markSentAll(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        long now = clock.millis();
        transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(MARK_SENT)) {
                for (Sent s : sent) {
                    bind(update, "outcome unknown%", POSSIBLE_DUPLICATE, s.channel(), truncate(s.providerMessageId(), 500),
                            s.templateVersion(), s.language(), truncate(s.subject(), 4000), s.body(),
                            s.sentAt().toEpochMilli(), now, s.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void markRetry(String id, String channel, String reason, Instant dueAt) {
        update("UPDATE tidings_communication SET status = 'QUEUED', status_reason = ?, channel = COALESCE(?, channel), "
                + "attempts = attempts + 1, due_at = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'",
                truncate(reason, 4000), channel, dueAt.toEpochMilli(), clock.millis(), id);
    }

    @Override
    public void markWaiting(String id, String reason) {
        update("UPDATE tidings_communication SET status = 'QUEUED', status_reason = ?, due_at = NULL, lease_until = NULL, "
                + "updated_at = ? WHERE id = ? AND status = 'SENDING'", truncate(reason, 4000), clock.millis(), id);
    }

    @Override
    public boolean markFinal(String id, CommunicationStatus status, String reason) {
        return update("UPDATE tidings_communication SET status = ?, status_reason = ?, due_at = NULL, lease_until = NULL, "
                + "updated_at = ? WHERE id = ? AND status NOT IN " + FINAL, status.name(), truncate(reason, 4000),
                clock.millis(), id) == 1;
    }

    /**
     * Only the newest message with the id counts: a gateway reuses its ids (after its own restart,
     * or when they wrap), and a receipt must not close an older message that never got its own.
     */
    @Override
    public boolean markByProviderId(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        return update("UPDATE tidings_communication SET status = ?, status_reason = ?, due_at = NULL, lease_until = NULL, "
                + "updated_at = ? WHERE id = (SELECT id FROM tidings_communication WHERE channel = ? AND provider_message_id = ? "
                + "ORDER BY COALESCE(sent_at, created_at) DESC LIMIT 1) AND status IN ('SENT','SENDING')",
                status.name(), truncate(reason, 4000), clock.millis(), channel, providerMessageId) > 0;
    }

    /** The statuses a communication is done with, as retention sees it (a SENT one may still get a receipt). */
    private static final String DONE_WITH = "('SENT','DELIVERED','FAILED','CANCELLED','SUPPRESSED')";

    @Override
    public int purge(Instant before, int limit) {
        long cutoff = before.toEpochMilli();
        return transaction(c -> {
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
                    + "WHERE x.event_id = e.id) ORDER BY e.received_at LIMIT ?)")) {
                orphans.setLong(1, cutoff);
                orphans.setInt(2, limit);
                return Math.max(removed, orphans.executeUpdate());
            }
        });
    }

    @Override
    public Erasure erase(String address) {
        return transaction(c -> {
            Removed removed;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, event_id FROM tidings_communication WHERE recipient = ?")) {
                select.setString(1, address);
                removed = removeCommunications(c, select);
            }
            int responses = deleteEach(c, "DELETE FROM tidings_link_response WHERE address = ?", List.of(address));
            int optIns = deleteEach(c, "DELETE FROM tidings_opt_in WHERE address = ?", List.of(address));
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
        for (String table : List.of("tidings_engagement", "tidings_outbox")) {
            deleteEach(c, "DELETE FROM " + table + " WHERE communication_id = ?", ids);
        }
        deleteEach(c, "DELETE FROM tidings_communication WHERE id = ?", ids);
        int erasedEvents = deleteEach(c, "DELETE FROM tidings_event WHERE id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM tidings_communication WHERE event_id = tidings_event.id)", List.copyOf(events));
        return new Removed(ids.size(), erasedEvents);
    }

    /** @return the rows deleted */
    private static int deleteEach(Connection c, String sql, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            int deleted = 0;
            for (int n : delete.executeBatch()) {
                deleted += Math.max(0, n);
            }
            return deleted;
        }
    }

    @Override
    public int wakeWaiting(Medium medium, Instant now) {
        return update("UPDATE tidings_communication SET due_at = ?, updated_at = ? "
                + "WHERE status = 'QUEUED' AND due_at IS NULL AND medium = ?", now.toEpochMilli(), clock.millis(),
                medium.name());
    }

    @Override
    public int releaseExpiredLeases(Instant now) {
        // the interrupted attempt counts, so a message that kills its sender every time runs out of attempts
        return update("UPDATE tidings_communication SET status = 'QUEUED', status_reason = ?, due_at = ?, "
                + "attempts = attempts + 1, lease_until = NULL, updated_at = ? WHERE status = 'SENDING' AND lease_until < ?",
                OUTCOME_UNKNOWN,
                now.toEpochMilli(), clock.millis(), now.toEpochMilli());
    }

    @Override
    public int releaseLeases(List<String> ids) {
        int released = 0;
        long now = clock.millis();
        for (String id : ids) {
            released += update("UPDATE tidings_communication SET status = 'QUEUED', due_at = ?, lease_until = NULL, "
                    + "updated_at = ? WHERE id = ? AND status = 'SENDING'", now, now, id);
        }
        return released;
    }

    @Override
    public Optional<Communication> communication(String id) {
        return transaction(c -> byIds(c, List.of(id)).stream().findFirst());
    }

    @Override
    public List<Communication> communications(CommunicationQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tidings_communication WHERE 1 = 1");
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
        if (query.status() != null) {
            sql.append(" AND status = ?");
            args.add(query.status().name());
        }
        int limit = query.limit() <= 0 ? 100 : Math.min(query.limit(), MAX_LIST);
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit);
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                bind(select, args.toArray());
                return communications(select);
            }
        });
    }

    @Override
    public Map<CommunicationStatus, Long> countByStatus() {
        return transaction(c -> {
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

    private List<Communication> byIds(Connection c, List<String> ids) throws SQLException {
        List<Communication> result = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return result;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM tidings_communication WHERE id = ?")) {
            for (String id : ids) {
                select.setString(1, id);
                result.addAll(communications(select));
            }
        }
        return result;
    }

    private static List<Communication> communications(PreparedStatement select) throws SQLException {
        List<Communication> result = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                int version = rs.getInt(7);
                Integer templateVersion = rs.wasNull() ? null : version;
                long sent = rs.getLong(17);
                Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
                result.add(new Communication(rs.getString(1), rs.getString(2), new EntityRef(rs.getString(3), rs.getString(4)),
                        rs.getString(5), rs.getString(6), templateVersion, Medium.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getString(10), rs.getString(11), CommunicationStatus.valueOf(rs.getString(12)),
                        rs.getString(13), rs.getInt(14), Instant.ofEpochMilli(rs.getLong(15)),
                        Instant.ofEpochMilli(rs.getLong(16)), sentAt, rs.getString(18), rs.getString(19), rs.getString(20)));
            }
        }
        return result;
    }

    // ---- templates

    private static final String TEMPLATE_COLUMNS = "template_key, version, name, medium, default_language, contents, deleted, "
            + "attachments";

    @Override
    public List<Template> templates() {
        return transaction(c -> {
            List<Template> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + TEMPLATE_COLUMNS + " FROM tidings_template t "
                    + "WHERE version = (SELECT MAX(version) FROM tidings_template v WHERE v.template_key = t.template_key) "
                    + "AND deleted = FALSE ORDER BY template_key");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(template(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<Template> template(String key) {
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + TEMPLATE_COLUMNS
                    + " FROM tidings_template WHERE template_key = ? ORDER BY version DESC LIMIT 1")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || rs.getBoolean(7)) {
                        return Optional.empty();
                    }
                    return Optional.of(template(rs));
                }
            }
        });
    }

    @Override
    public Optional<Template> template(String key, int version) {
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + TEMPLATE_COLUMNS
                    + " FROM tidings_template WHERE template_key = ? AND version = ?")) {
                select.setString(1, key);
                select.setInt(2, version);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(template(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Template saveTemplate(Template template) {
        return transaction(c -> {
            int version = 1;
            try (PreparedStatement max = c.prepareStatement(
                    "SELECT MAX(version) FROM tidings_template WHERE template_key = ?")) {
                max.setString(1, template.key());
                try (ResultSet rs = max.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getInt(1) + 1;
                    }
                }
            }
            Template saved = template.withVersion(version);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_template (template_key, version, name, "
                    + "medium, default_language, contents, deleted, created_at, attachments) VALUES (?,?,?,?,?,?,FALSE,?,?)")) {
                insert.setString(1, saved.key());
                insert.setInt(2, version);
                insert.setString(3, saved.name());
                insert.setString(4, saved.medium().name());
                insert.setString(5, saved.defaultLanguage());
                insert.setString(6, write(saved.contents()));
                insert.setLong(7, clock.millis());
                if (saved.attachments().isEmpty()) {
                    insert.setNull(8, Types.VARCHAR);
                } else {
                    insert.setString(8, write(saved.attachments()));
                }
                insert.executeUpdate();
            }
            return saved;
        });
    }

    @Override
    public boolean deleteTemplate(String key) {
        if (template(key).isEmpty()) {
            return false;
        }
        // versions stay readable for the communications they rendered
        return update("UPDATE tidings_template SET deleted = TRUE WHERE template_key = ?", key) > 0;
    }

    private Template template(ResultSet rs) throws SQLException {
        return new Template(rs.getString(1), rs.getString(3), Medium.valueOf(rs.getString(4)), rs.getString(5),
                read(rs.getString(6), CONTENTS), rs.getInt(2),
                rs.getString(8) == null ? List.of() : read(rs.getString(8), ATTACHMENTS));
    }

    // ---- rules

    private static final String RULE_COLUMNS = "rule_key, name, trigger_event, to_status, locations, condition_expr, "
            + "templates, recipients, purpose, delay_iso, enabled, reminder_field, reminder_before, reminder_days_before, "
            + "reminder_at, working_hours_only, quiet_from, quiet_to, outcome, contact_attempt, channel";

    @Override
    public List<NotificationRule> rules() {
        return transaction(c -> {
            List<NotificationRule> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + RULE_COLUMNS + " FROM tidings_rule ORDER BY rule_key");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(rule(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<NotificationRule> rule(String key) {
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + RULE_COLUMNS + " FROM tidings_rule WHERE rule_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveRule(NotificationRule rule) {
        changeRules(List.of(rule), List.of());
    }

    @Override
    public void changeRules(List<NotificationRule> save, List<String> delete) {
        transaction(c -> {
            try (PreparedStatement remove = c.prepareStatement("DELETE FROM tidings_rule WHERE rule_key = ?")) {
                for (String key : delete) {
                    remove.setString(1, key);
                    remove.executeUpdate();
                }
                for (NotificationRule rule : save) {
                    remove.setString(1, rule.key());
                    remove.executeUpdate();
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_rule (" + RULE_COLUMNS
                    + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (NotificationRule rule : save) {
                    Reminder reminder = rule.reminder();
                    QuietHours quiet = rule.quietHours();
                    bind(insert, rule.key(), rule.name(), rule.event(), rule.toStatus(), write(rule.locations()),
                            rule.condition(), write(rule.templates()), write(rule.recipients()), rule.purpose().name(),
                            rule.delay() == null ? null : rule.delay().toString(), rule.enabled(),
                            reminder == null ? null : reminder.field(),
                            reminder == null || reminder.before() == null ? null : reminder.before().toString(),
                            reminder == null ? null : reminder.daysBefore(),
                            reminder == null || reminder.at() == null ? null : reminder.at().toString(),
                            rule.workingHoursOnly(), quiet == null ? null : quiet.from().toString(),
                            quiet == null ? null : quiet.to().toString(), rule.outcome(), rule.contactAttempt(),
                            rule.channel(), clock.millis());
                    // typed nulls: PostgreSQL refuses a VARCHAR null for an INTEGER column
                    setInteger(insert, 14, reminder == null ? null : reminder.daysBefore());
                    setInteger(insert, 20, rule.contactAttempt());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public boolean deleteRule(String key) {
        return update("DELETE FROM tidings_rule WHERE rule_key = ?", key) > 0;
    }

    private NotificationRule rule(ResultSet rs) throws SQLException {
        String delay = rs.getString(10);
        Reminder reminder = null;
        if (rs.getString(12) != null) {
            String before = rs.getString(13);
            int days = rs.getInt(14);
            Integer daysBefore = rs.wasNull() ? null : days;
            String at = rs.getString(15);
            reminder = new Reminder(rs.getString(12), before == null ? null : Duration.parse(before), daysBefore,
                    at == null ? null : LocalTime.parse(at));
        }
        QuietHours quiet = rs.getString(17) == null ? null
                : new QuietHours(LocalTime.parse(rs.getString(17)), LocalTime.parse(rs.getString(18)));
        int attempt = rs.getInt(20);
        Integer contactAttempt = rs.wasNull() ? null : attempt;
        return new NotificationRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                read(rs.getString(5), STRINGS), rs.getString(6), read(rs.getString(7), STRINGS),
                read(rs.getString(8), STRINGS), Purpose.valueOf(rs.getString(9)),
                delay == null ? null : Duration.parse(delay), rs.getBoolean(11), reminder, rs.getBoolean(16), quiet,
                rs.getString(19), contactAttempt, rs.getString(21));
    }

    // ---- locations

    private static final String LOCATION_COLUMNS = "location_key, name, time_zone, country, working_hours";

    @Override
    public List<Location> locations() {
        return transaction(c -> {
            List<Location> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + LOCATION_COLUMNS + " FROM tidings_location ORDER BY location_key");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(location(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<Location> location(String key) {
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + LOCATION_COLUMNS + " FROM tidings_location WHERE location_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(location(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void saveLocation(Location location) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        location.workingHours().forEach((day, ranges) -> hours.put(day.name(),
                ranges.stream().map(TimeRange::toString).toList()));
        transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tidings_location WHERE location_key = ?")) {
                delete.setString(1, location.key());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_location (" + LOCATION_COLUMNS
                    + ", updated_at) VALUES (?,?,?,?,?,?)")) {
                bind(insert, location.key(), location.name(), location.timeZone(), location.country(), write(hours),
                        clock.millis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean deleteLocation(String key) {
        return update("DELETE FROM tidings_location WHERE location_key = ?", key) > 0;
    }

    private Location location(ResultSet rs) throws SQLException {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        read(rs.getString(5), HOURS).forEach((day, ranges) -> hours.put(DayOfWeek.valueOf(day),
                ranges.stream().map(r -> TimeRange.parse(r, "workingHours." + day)).toList()));
        return new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), hours);
    }

    // ---- opt-outs

    /** Email addresses compare without regard to case; phone numbers as given. */
    private static String normalise(String address) {
        String trimmed = address.trim();
        return trimmed.contains("@") ? trimmed.toLowerCase(java.util.Locale.ROOT) : trimmed;
    }

    @Override
    public OptOut saveOptOut(OptOut optOut) {
        String address = normalise(optOut.address());
        return transaction(c -> {
            execute(c, "DELETE FROM tidings_opt_in WHERE address = ? AND purpose = ?", address, optOut.purpose().name());
            Optional<OptOut> existing = optOut(c, address, optOut.purpose());
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO tidings_opt_out (address, purpose, opted_out_at) VALUES (?,?,?)")) {
                bind(insert, address, optOut.purpose().name(), optOut.at().toEpochMilli());
                insert.executeUpdate();
            }
            return new OptOut(address, optOut.purpose(), optOut.at());
        });
    }

    @Override
    public boolean optedOut(String address, Purpose purpose) {
        return transaction(c -> optOut(c, normalise(address), purpose).isPresent());
    }

    @Override
    public List<OptOut> optOuts(String address) {
        return transaction(c -> {
            List<OptOut> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT address, purpose, opted_out_at FROM tidings_opt_out WHERE address = ? ORDER BY purpose")) {
                select.setString(1, normalise(address));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(new OptOut(rs.getString(1), Purpose.valueOf(rs.getString(2)),
                                Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            return result;
        });
    }

    private static Optional<OptOut> optOut(Connection c, String address, Purpose purpose) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT opted_out_at FROM tidings_opt_out WHERE address = ? AND purpose = ?")) {
            select.setString(1, address);
            select.setString(2, purpose.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new OptOut(address, purpose, Instant.ofEpochMilli(rs.getLong(1))))
                        : Optional.empty();
            }
        }
    }

    @Override
    public void saveOptIn(String address, Purpose purpose, Instant at) {
        String normalised = normalise(address);
        transaction(c -> {
            execute(c, "DELETE FROM tidings_opt_out WHERE address = ? AND purpose = ?", normalised, purpose.name());
            if (!exists(c, "SELECT 1 FROM tidings_opt_in WHERE address = ? AND purpose = ?", normalised,
                    purpose.name())) {
                execute(c, "INSERT INTO tidings_opt_in (address, purpose, opted_in_at) VALUES (?,?,?)", normalised,
                        purpose.name(), at.toEpochMilli());
            }
            return null;
        });
    }

    @Override
    public boolean optedIn(String address, Purpose purpose) {
        return transaction(c -> exists(c, "SELECT 1 FROM tidings_opt_in WHERE address = ? AND purpose = ?",
                normalise(address), purpose.name()));
    }

    // ---- dynamic links followed

    private static final String LINK_COLUMNS = "id, action, address, communication_id, entity_type, entity_id, responded_at";

    @Override
    public LinkResponse saveLinkResponse(LinkResponse response) {
        // a second visit (or two nodes at once) finds the first record: the unique key decides
        Optional<LinkResponse> first = transaction(c -> linkResponse(c, response.communicationId(), response.action()));
        if (first.isPresent()) {
            return first.get();
        }
        try {
            update("INSERT INTO tidings_link_response (" + LINK_COLUMNS + ") VALUES (?,?,?,?,?,?,?)", response.id(),
                    response.action().name(), truncate(response.address(), 320), response.communicationId(),
                    response.entityType(), response.entityId(), response.at().toEpochMilli());
            return response;
        } catch (StoreException e) {
            return transaction(c -> linkResponse(c, response.communicationId(), response.action())).orElseThrow(() -> e);
        }
    }

    @Override
    public List<LinkResponse> linkResponses(String entityType, String entityId, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + LINK_COLUMNS + " FROM tidings_link_response WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (entityType != null) {
            sql.append(" AND entity_type = ?");
            args.add(entityType);
        }
        if (entityId != null) {
            sql.append(" AND entity_id = ?");
            args.add(entityId);
        }
        if (since != null) {
            sql.append(" AND responded_at >= ?");
            args.add(since.toEpochMilli());
        }
        sql.append(" ORDER BY responded_at, id LIMIT ").append(Math.max(1, Math.min(limit, 10_000)));
        return transaction(c -> {
            List<LinkResponse> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                bind(select, args.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(linkResponse(rs));
                    }
                }
            }
            return result;
        });
    }

    private static Optional<LinkResponse> linkResponse(Connection c, String communicationId, LinkAction action)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + LINK_COLUMNS
                + " FROM tidings_link_response WHERE communication_id = ? AND action = ?")) {
            bind(select, communicationId, action.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(linkResponse(rs)) : Optional.empty();
            }
        }
    }

    private static LinkResponse linkResponse(ResultSet rs) throws SQLException {
        return new LinkResponse(rs.getString(1), LinkAction.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
    }

    // ---- email engagement

    @Override
    public void recordOpen(String communicationId, Instant at) {
        engage(communicationId, "opens", "first_opened_at", at);
    }

    @Override
    public void recordClick(String communicationId, Instant at) {
        engage(communicationId, "clicks", "first_clicked_at", at);
    }

    private void engage(String communicationId, String counter, String first, Instant at) {
        String increment = "UPDATE tidings_engagement SET " + counter + " = " + counter + " + 1, " + first + " = COALESCE("
                + first + ", ?) WHERE communication_id = ?";
        boolean done = transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(increment)) {
                bind(update, at.toEpochMilli(), communicationId);
                if (update.executeUpdate() > 0) {
                    return true;
                }
            }
            if (!exists(c, "SELECT 1 FROM tidings_communication WHERE id = ?", communicationId)) {
                return true; // nothing to count for a message that is not on record
            }
            return false;
        });
        if (done) {
            return;
        }
        try {
            update("INSERT INTO tidings_engagement (communication_id, " + counter + ", " + first + ") VALUES (?,1,?)",
                    communicationId, at.toEpochMilli());
        } catch (StoreException e) {
            // another visit created the row first: count on it
            update(increment, at.toEpochMilli(), communicationId);
        }
    }

    @Override
    public io.tidings.api.link.Engagement engagement(String communicationId) {
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT first_opened_at, opens, first_clicked_at, clicks "
                    + "FROM tidings_engagement WHERE communication_id = ?")) {
                select.setString(1, communicationId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return new io.tidings.api.link.Engagement(communicationId, null, 0, null, 0);
                    }
                    long opened = rs.getLong(1);
                    Instant firstOpened = rs.wasNull() ? null : Instant.ofEpochMilli(opened);
                    int opens = rs.getInt(2);
                    long clicked = rs.getLong(3);
                    Instant firstClicked = rs.wasNull() ? null : Instant.ofEpochMilli(clicked);
                    return new io.tidings.api.link.Engagement(communicationId, firstOpened, opens, firstClicked,
                            rs.getInt(4));
                }
            }
        });
    }

    @Override
    public io.tidings.api.link.EngagementSummary engagementSummary(String ruleKey, Instant since) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), COUNT(e.first_opened_at), COUNT(e.first_clicked_at) "
                + "FROM tidings_communication c LEFT JOIN tidings_engagement e ON e.communication_id = c.id "
                + "WHERE c.medium = 'EMAIL' AND c.status IN ('SENT','DELIVERED')");
        List<Object> args = new ArrayList<>();
        if (ruleKey != null) {
            sql.append(" AND c.rule_key = ?");
            args.add(ruleKey);
        }
        if (since != null) {
            sql.append(" AND c.sent_at >= ?");
            args.add(since.toEpochMilli());
        }
        return transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                bind(select, args.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return new io.tidings.api.link.EngagementSummary(ruleKey, rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
        });
    }

    // ---- the outbox of external channels

    @Override
    public void outboxPut(String channel, io.tidings.api.queue.QueuedMessage message, Instant now) {
        transaction(c -> {
            execute(c, "DELETE FROM tidings_outbox WHERE communication_id = ?", message.communicationId());
            execute(c, "INSERT INTO tidings_outbox (communication_id, channel, message, created_at) VALUES (?,?,?,?)",
                    message.communicationId(), channel, write(message), now.toEpochMilli());
            return null;
        });
    }

    @Override
    public List<io.tidings.api.queue.QueuedMessage> outboxClaim(String channel, int limit, Instant now,
            Instant claimedUntil) {
        return transaction(c -> {
            List<String> ids = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT communication_id, message FROM tidings_outbox "
                    + "WHERE channel = ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY created_at, "
                    + "communication_id LIMIT ?" + dialect.lockSkippingLocked())) {
                bind(select, channel, now.toEpochMilli(), limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        messages.add(rs.getString(2));
                    }
                }
            }
            List<io.tidings.api.queue.QueuedMessage> claimed = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE tidings_outbox SET claimed_until = ? WHERE communication_id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    bind(update, claimedUntil.toEpochMilli(), ids.get(i));
                    update.executeUpdate();
                    io.tidings.api.queue.QueuedMessage m = read(messages.get(i), QUEUED_MESSAGE);
                    claimed.add(new io.tidings.api.queue.QueuedMessage(m.communicationId(), m.medium(), m.recipient(),
                            m.recipientName(), m.subject(), m.text(), m.html(), m.language(), claimedUntil));
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean outboxRemove(String channel, String communicationId) {
        return update("DELETE FROM tidings_outbox WHERE channel = ? AND communication_id = ?", channel,
                communicationId) > 0;
    }

    // ---- settings

    @Override
    public String setting(String name, java.util.function.Supplier<String> initial) {
        Optional<String> stored = transaction(c -> settingValue(c, name));
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            update("INSERT INTO tidings_setting (name, setting_value) VALUES (?,?)", name, initial.get());
        } catch (StoreException e) {
            // another node stored it first: its value counts
        }
        return transaction(c -> settingValue(c, name)).orElseThrow(
                () -> new StoreException("store: the setting '" + name + "' could not be stored", null));
    }

    private static Optional<String> settingValue(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT setting_value FROM tidings_setting WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            statement.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, args);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("store: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        return transaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, args);
                return statement.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (arg instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (arg instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (arg instanceof Boolean b) {
                statement.setBoolean(i + 1, b);
            } else {
                statement.setString(i + 1, arg.toString());
            }
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("store: cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("store: cannot read stored JSON: " + e.getOriginalMessage(), e);
        }
    }

}
