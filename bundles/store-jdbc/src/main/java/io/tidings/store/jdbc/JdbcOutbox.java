package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.store.ReminderChange;
import io.tidings.core.store.ReminderMark;

/** The durable queue over JDBC: events with their communications, claims with leases, each attempt's outcome. */
public final class JdbcOutbox implements OutboxRepository {

    static final String OUTCOME_UNKNOWN = "outcome unknown: the attempt was interrupted before its result was recorded (lease expired)";
    static final String POSSIBLE_DUPLICATE = "sent; an earlier attempt was interrupted with its outcome unknown, "
            + "so the recipient may have it twice";
    private static final String FINAL = "('DELIVERED','FAILED','CANCELLED','SUPPRESSED')";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Transactions tx;
    private final EventRecorder events;
    /** H2 serves one node: claims are serialised in the JVM; PostgreSQL serialises them itself. */
    private final Object claimLock = new Object();

    /** A row whose lease ran out before it reached a channel: retried, and no duplicate is possible. */
    static final String NOT_HANDED_OVER = "queued again: its node stopped before handing it to a channel";

    /** This node, recorded on the rows it claims. */
    private final String owner;

    /** The webhook deliveries of status changes, written in their transactions. */
    private final StatusDeliveries deliveries;

    JdbcOutbox(Transactions tx, String owner, StatusDeliveries deliveries) {
        this.tx = tx;
        this.owner = owner;
        this.deliveries = deliveries;
        this.events = new EventRecorder(tx);
    }

    @Override
    public IngestOutcome ingest(BusinessEvent event, List<Communication> communications,
            Map<String, ReminderMark> reminders, List<ReminderChange> changes) {
        return tx.transaction(c -> planned(c, events.record(c, new Planned(event, communications, reminders, changes))));
    }

    @Override
    public List<IngestOutcome> ingestAll(List<Planned> planned) {
        return tx.transaction(c -> {
            List<IngestOutcome> outcomes = new ArrayList<>(planned.size());
            for (Planned p : planned) {
                outcomes.add(planned(c, events.record(c, p)));
            }
            return outcomes;
        });
    }

    /** The status deliveries of what an event planned, the first time it is recorded. */
    private IngestOutcome planned(Connection c, IngestOutcome outcome) throws SQLException {
        if (!outcome.duplicate()) {
            deliveries.written(c, outcome.communicationIds());
        }
        return outcome;
    }

    @Override
    public List<Communication> pendingReminders(String reminderKey) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + CommunicationRows.COLUMNS
                    + " FROM tidings_communication WHERE reminder_key = ? AND status = 'SCHEDULED' ORDER BY created_at, id")) {
                select.setString(1, reminderKey);
                return CommunicationRows.communications(select);
            }
        });
    }

    @Override
    public int suppressExpiredReminders(Instant now) {
        int suppressed = 0;
        for (String status : List.of("SCHEDULED", "QUEUED")) {
            suppressed += tx.update("UPDATE tidings_communication SET status = 'SUPPRESSED', status_reason = ?, "
                    + "due_at = NULL, lease_until = NULL, updated_at = ? WHERE status = ? AND expires_at <= ?",
                    "not sent: the appointment this reminder is for has passed", tx.millis(), status,
                    now.toEpochMilli());
        }
        return suppressed;
    }

    @Override
    public Optional<List<String>> communicationsOfEvent(String eventId) {
        return tx.transaction(c -> EventRecorder.idsOfEvent(c, eventId));
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
        return tx.transaction(c -> events(c, eventIds));
    }

    /** The events with these ids, in the caller's transaction, by one statement per 500 ids. */
    private Map<String, BusinessEvent> events(Connection c, Collection<String> eventIds) throws SQLException {
        Map<String, BusinessEvent> found = new HashMap<>();
        for (List<String> chunk : Transactions.chunks(new ArrayList<>(new LinkedHashSet<>(eventIds)), 500)) {
            try (PreparedStatement select = c.prepareStatement("SELECT id, event_type, occurred_at, location, "
                    + "entity_type, entity_id, data FROM tidings_event WHERE id IN (" + Transactions.marks(chunk.size())
                    + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new BusinessEvent(rs.getString(1), rs.getString(2),
                                OffsetDateTime.parse(rs.getString(3)), rs.getString(4),
                                new EntityRef(rs.getString(5), rs.getString(6)), tx.read(rs.getString(7), MAP)));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public Optional<Instant> openDigest(String digestKey) {
        return tx.transaction(c -> DigestRecorder.openUntil(c, digestKey));
    }

    @Override
    public List<BusinessEvent> digestItems(String communicationId) {
        List<String> ids = tx.transaction(c -> DigestRecorder.itemEvents(c, communicationId));
        Map<String, BusinessEvent> events = events(ids);
        return ids.stream().map(events::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<Communication> claimDue(Instant now, int limit, Instant leaseUntil) {
        if (tx.dialect() instanceof Dialect.H2) {
            synchronized (claimLock) {
                return claim(now, limit, leaseUntil);
            }
        }
        return claim(now, limit, leaseUntil);
    }

    private List<Communication> claim(Instant now, int limit, Instant leaseUntil) {
        return tx.transaction(c -> {
            List<Communication> claimed = tx.dialect().claim(c, now.toEpochMilli(), limit, leaseUntil.toEpochMilli(), owner);
            deliveries.written(c, claimed.stream().map(Communication::id).toList());
            return claimed;
        });
    }

    /**
     * One commit for the round: the previous round's hand-over mark, the claim and the events. The
     * mark is committed before those rows reach their channels (the dispatcher hands them over once
     * this returns), so crash recovery still tells an interrupted send from one that never started.
     */
    @Override
    public Claim handOverAndClaim(Collection<String> handedOver, Instant now, int limit, Instant leaseUntil) {
        if (limit < 1) {
            markHandedOver(handedOver);
            return Claim.NONE;
        }
        if (tx.dialect() instanceof Dialect.H2) {
            synchronized (claimLock) {
                return markAndClaim(handedOver, now, limit, leaseUntil);
            }
        }
        return markAndClaim(handedOver, now, limit, leaseUntil);
    }

    private Claim markAndClaim(Collection<String> handedOver, Instant now, int limit, Instant leaseUntil) {
        // run again when the database aborts it for a deadlock with the lease renewal, rather than
        // queueing the prepared round again
        return tx.transactionRetryingConflicts(c -> {
            markHandedOver(c, handedOver);
            List<Communication> claimed = tx.dialect().claim(c, now.toEpochMilli(), limit, leaseUntil.toEpochMilli(),
                    owner);
            if (claimed.isEmpty()) {
                return Claim.NONE;
            }
            deliveries.written(c, claimed.stream().map(Communication::id).toList());
            return new Claim(claimed, events(c, claimed.stream().map(Communication::eventId).toList()));
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
        long now = tx.millis();
        tx.transaction(c -> {
            int[] counts;
            try (PreparedStatement update = c.prepareStatement(MARK_SENT)) {
                for (Sent s : sent) {
                    bind(update, "outcome unknown%", POSSIBLE_DUPLICATE, s.channel(), truncate(s.providerMessageId(), 500),
                            s.templateVersion(), s.language(), truncate(s.subject(), 4000), s.body(),
                            s.sentAt().toEpochMilli(), now, s.id());
                    update.addBatch();
                }
                counts = update.executeBatch();
            }
            deliveries.written(c, sent.stream().map(Sent::id).toList(), counts);
            return null;
        });
    }

    private static final String MARK_RETRY = "UPDATE tidings_communication SET status = 'QUEUED', status_reason = ?, "
            + "channel = COALESCE(?, channel), attempts = attempts + 1, due_at = ?, lease_until = NULL, updated_at = ? "
            + "WHERE id = ? AND status = 'SENDING'";

    /**
     * SENT changes, retries and provider reports in one transaction: the dispatcher's outcomes and a
     * channel's receipts share one commit, and a report finds the SENT written with it.
     */
    @Override
    public List<Boolean> recordOutcomes(List<Sent> sent, List<Retry> retries, List<ProviderReport> reports) {
        if (sent.isEmpty() && retries.isEmpty() && reports.isEmpty()) {
            return List.of();
        }
        long now = tx.millis();
        // a deadlock with the lease renewal (which updates every SENDING row of this node) aborts the
        // whole batch: run it again, or every send in it would be sent twice once its lease expires
        return tx.transactionRetryingConflicts(c -> {
            if (!sent.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement(MARK_SENT)) {
                    for (Sent s : sent) {
                        bind(update, "outcome unknown%", POSSIBLE_DUPLICATE, s.channel(),
                                truncate(s.providerMessageId(), 500), s.templateVersion(), s.language(),
                                truncate(s.subject(), 4000), s.body(), s.sentAt().toEpochMilli(), now, s.id());
                        update.addBatch();
                    }
                    deliveries.written(c, sent.stream().map(Sent::id).toList(), update.executeBatch());
                }
            }
            if (!retries.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement(MARK_RETRY)) {
                    for (Retry r : retries) {
                        bind(update, truncate(r.reason(), 4000), r.channel(), r.dueAt().toEpochMilli(), now, r.id());
                        update.addBatch();
                    }
                    deliveries.written(c, retries.stream().map(Retry::id).toList(), update.executeBatch());
                }
            }
            List<Boolean> matched = new ArrayList<>(reports.size());
            List<String> reported = new ArrayList<>();
            boolean wanted = !reports.isEmpty() && deliveries.wanted(c);
            for (ProviderReport r : reports) {
                boolean marked = markByProviderId(c, now, r.channel(), r.providerMessageId(), r.status(), r.reason());
                matched.add(marked);
                if (marked && wanted) {
                    CommunicationRows.newestId(c, r.channel(), r.providerMessageId()).ifPresent(reported::add);
                }
            }
            deliveries.written(c, reported);
            return matched;
        });
    }

    @Override
    public void markRetry(String id, String channel, String reason, Instant dueAt) {
        deliveries.change(id, MARK_RETRY, truncate(reason, 4000), channel, dueAt.toEpochMilli(), tx.millis(), id);
    }

    @Override
    public void markWaiting(String id, String reason) {
        deliveries.change(id, "UPDATE tidings_communication SET status = 'QUEUED', status_reason = ?, due_at = NULL, "
                + "lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'", truncate(reason, 4000),
                tx.millis(), id);
    }

    @Override
    public boolean markFinal(String id, CommunicationStatus status, String reason) {
        return deliveries.change(id, "UPDATE tidings_communication SET status = ?, status_reason = ?, due_at = NULL, "
                + "lease_until = NULL, updated_at = ? WHERE id = ? AND status NOT IN " + FINAL, status.name(),
                truncate(reason, 4000), tx.millis(), id);
    }

    @Override
    public boolean cancel(String id, String reason) {
        return deliveries.change(id, "UPDATE tidings_communication SET status = 'CANCELLED', status_reason = ?, due_at = NULL, "
                + "lease_until = NULL, updated_at = ? WHERE id = ? AND status IN ('SCHEDULED','QUEUED')",
                truncate(reason, 4000), tx.millis(), id);
    }

    /**
     * Only the newest message with the id counts: a gateway reuses its ids (after its own restart,
     * or when they wrap), and a receipt must not close an older message that never got its own.
     */
    @Override
    public boolean markByProviderId(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        return tx.transaction(c -> {
            if (!markByProviderId(c, tx.millis(), channel, providerMessageId, status, reason)) {
                return false;
            }
            if (deliveries.wanted(c)) {
                deliveries.written(c, CommunicationRows.newestId(c, channel, providerMessageId).stream().toList());
            }
            return true;
        });
    }

    /** {@link #markByProviderId} in a transaction of the caller's. */
    static boolean markByProviderId(java.sql.Connection c, long now, String channel, String providerMessageId,
            CommunicationStatus status, String reason) throws java.sql.SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE tidings_communication SET status = ?, "
                + "status_reason = ?, due_at = NULL, lease_until = NULL, updated_at = ? WHERE id = (SELECT id FROM "
                + "tidings_communication WHERE channel = ? AND provider_message_id = ? ORDER BY COALESCE(sent_at, "
                + "created_at) DESC LIMIT 1) AND status IN ('SENT','SENDING')")) {
            bind(update, status.name(), truncate(reason, 4000), now, channel, providerMessageId);
            return update.executeUpdate() > 0;
        }
    }

    @Override
    public int wakeWaiting(Medium medium, Instant now) {
        return tx.update("UPDATE tidings_communication SET due_at = ?, updated_at = ? "
                + "WHERE status = 'QUEUED' AND due_at IS NULL AND medium = ?", now.toEpochMilli(), tx.millis(),
                medium.name());
    }

    @Override
    public int releaseExpiredLeases(Instant now) {
        return requeue("lease_until < ?", now, now.toEpochMilli());
    }

    @Override
    public int releaseOwnLeases(Instant now) {
        return requeue("lease_owner = ?", now, owner);
    }

    /**
     * SENDING rows back to QUEUED, due now. The interrupted attempt counts, so a message that kills its
     * sender every time runs out of attempts; only a row that reached its channel is marked with an
     * unknown outcome (and so, once sent, as a possible duplicate).
     */
    private int requeue(String which, Instant now, Object value) {
        return tx.update("UPDATE tidings_communication SET status = 'QUEUED', status_reason = CASE WHEN handed_over "
                + "THEN ? ELSE ? END, due_at = ?, attempts = attempts + 1, lease_until = NULL, lease_owner = NULL, "
                + "handed_over = FALSE, updated_at = ? WHERE status = 'SENDING' AND " + which, OUTCOME_UNKNOWN,
                NOT_HANDED_OVER, now.toEpochMilli(), tx.millis(), value);
    }

    @Override
    public void markHandedOver(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        tx.transaction(c -> {
            markHandedOver(c, ids);
            return null;
        });
    }

    /** One statement per 500 rows, not one per row: the mark is a third of a claim round's writes. */
    private static void markHandedOver(Connection c, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (List<String> chunk : Transactions.chunks(new ArrayList<>(ids), 500)) {
            try (PreparedStatement update = c.prepareStatement("UPDATE tidings_communication SET handed_over = TRUE "
                    + "WHERE id IN (" + Transactions.marks(chunk.size()) + ") AND status = 'SENDING'")) {
                for (int i = 0; i < chunk.size(); i++) {
                    update.setString(i + 1, chunk.get(i));
                }
                update.executeUpdate();
            }
        }
    }

    @Override
    public int renewLeases(Instant until, Instant claimedSince) {
        // a claim sets updated_at, and nothing else touches a SENDING row until its outcome
        return tx.update("UPDATE tidings_communication SET lease_until = ? WHERE status = 'SENDING' "
                + "AND lease_owner = ? AND updated_at >= ?", until.toEpochMilli(), owner, claimedSince.toEpochMilli());
    }

    @Override
    public int releaseLeases(List<String> ids) {
        int released = 0;
        long now = tx.millis();
        for (String id : ids) {
            released += tx.update("UPDATE tidings_communication SET status = 'QUEUED', due_at = ?, lease_until = NULL, "
                    + "updated_at = ? WHERE id = ? AND status = 'SENDING'", now, now, id);
        }
        return released;
    }

    private static final String RETRY_NOW = "UPDATE tidings_communication SET status = 'QUEUED', status_reason = ?, "
            + "attempts = CASE WHEN status = 'FAILED' THEN 0 ELSE attempts END, not_before = ?, due_at = ?, "
            + "lease_until = NULL, lease_owner = NULL, handed_over = FALSE, updated_at = ? WHERE ";

    @Override
    public boolean retryNow(String id, String reason, Instant now) {
        long at = now.toEpochMilli();
        return deliveries.change(id, RETRY_NOW + "id = ? AND status IN ('FAILED','QUEUED')", truncate(reason, 4000), at, at,
                tx.millis(), id);
    }

    @Override
    public int retryFailed(String channel, String ruleKey, Instant failedFrom, Instant failedTo, String reason,
            Instant now) {
        long at = now.toEpochMilli();
        List<Object> args = new ArrayList<>(List.of(truncate(reason, 4000), at, at, tx.millis()));
        StringBuilder where = new StringBuilder("status = 'FAILED'");
        if (channel != null) {
            where.append(" AND channel = ?");
            args.add(channel);
        }
        if (ruleKey != null) {
            where.append(" AND rule_key = ?");
            args.add(ruleKey);
        }
        if (failedFrom != null) {
            where.append(" AND updated_at >= ?");
            args.add(failedFrom.toEpochMilli());
        }
        if (failedTo != null) {
            where.append(" AND updated_at < ?");
            args.add(failedTo.toEpochMilli());
        }
        return tx.update(RETRY_NOW + where, args.toArray());
    }

    @Override
    public boolean resend(String id, String newId, String reason, Instant now) {
        long at = now.toEpochMilli();
        return deliveries.change(newId, "INSERT INTO tidings_communication (id, event_id, entity_type, entity_id, rule_key, "
                + "template_key, template_version, medium, recipient, language, status, status_reason, attempts, "
                + "not_before, due_at, created_at, updated_at, unit, contact_id) SELECT ?, event_id, entity_type, entity_id, "
                + "rule_key, template_key, template_version, medium, recipient, language, 'QUEUED', ?, 0, ?, ?, ?, ?, unit, "
                + "contact_id "
                + "FROM tidings_communication WHERE id = ? AND status IN ('SENT','DELIVERED','FAILED')", newId,
                truncate(reason, 4000), at, at, at, tx.millis(), id);
    }

    @Override
    public Optional<Instant> oldestDue(Instant now) {
        return tx.transaction(c -> {
            Long oldest = null;
            // two index range scans: due rows by due_at, rows waiting for a channel by status
            for (String sql : new String[] {"SELECT MIN(due_at) FROM tidings_communication WHERE due_at <= ? "
                    + "AND status IN ('SCHEDULED','QUEUED')", "SELECT MIN(not_before) FROM tidings_communication "
                    + "WHERE status = 'QUEUED' AND due_at IS NULL AND not_before <= ?"}) {
                try (PreparedStatement query = c.prepareStatement(sql)) {
                    query.setLong(1, now.toEpochMilli());
                    try (ResultSet rows = query.executeQuery()) {
                        if (rows.next()) {
                            long value = rows.getLong(1);
                            if (!rows.wasNull() && (oldest == null || value < oldest)) {
                                oldest = value;
                            }
                        }
                    }
                }
            }
            return Optional.ofNullable(oldest).map(Instant::ofEpochMilli);
        });
    }

    @Override
    public Optional<Communication> byProviderId(String channel, String providerMessageId) {
        return tx.transaction(c -> {
            Optional<String> id = CommunicationRows.newestId(c, channel, providerMessageId);
            return id.isEmpty() ? Optional.<Communication>empty()
                    : CommunicationRows.byIds(c, List.of(id.get())).stream().findFirst();
        });
    }
}
