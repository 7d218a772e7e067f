package io.tidings.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.tidings.api.EntityRef;
import io.tidings.api.log.CommunicationCategory;
import io.tidings.api.log.Direction;
import io.tidings.api.log.EntryState;
import io.tidings.api.log.FeedItem;
import io.tidings.api.log.FeedQuery;
import io.tidings.api.log.FollowUp;
import io.tidings.api.log.LoggedCommunication;
import io.tidings.core.store.CommunicationLogRepository;

/**
 * The communication log over JDBC. The feed is one query: sent messages, logged and received
 * communications and link responses, each read through its (contact or entity, time) index, merged
 * in time order by the database and paged there.
 */
public final class JdbcCommunicationLog implements CommunicationLogRepository {

    private static final String COLUMNS = "id, kind, medium, direction, state, contact, entity_type, entity_id, "
            + "category, subject, notes, occurred_at, follow_up_of, owner, channel, sent_as, created_at, updated_at";
    private static final String FOLLOW_UP = "communication_id, due_at, owner, note, completed_at, completed_as";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** SQLState of a unique key violation, in H2 and PostgreSQL. */
    private static final String DUPLICATE = "23505";

    private final Transactions tx;

    JdbcCommunicationLog(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean insert(LoggedCommunication m, Instant now) {
        try {
            return tx.transaction(c -> {
                if (Transactions.exists(c, "SELECT 1 FROM tidings_communication_log WHERE id = ?", m.id())) {
                    return false;
                }
                insert(c, m, now.toEpochMilli());
                return true;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && DUPLICATE.equals(sql.getSQLState())) {
                return false; // recorded at the same moment by another request
            }
            throw e;
        }
    }

    private void insert(Connection c, LoggedCommunication m, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_communication_log (" + COLUMNS
                + ", contact_id, address) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = bindRow(insert, m);
            insert.setLong(i++, now);
            insert.setLong(i++, now);
            insert.setString(i++, m.contactId());
            insert.setString(i, Transactions.truncate(m.address(), 320));
            insert.executeUpdate();
        }
        link(c, m);
    }

    /** Binds the columns from {@code kind} to {@code sent_as}, after the id. @return the next index */
    private int bindRow(PreparedStatement s, LoggedCommunication m) throws SQLException {
        int i = 1;
        s.setString(i++, m.id());
        s.setString(i++, m.kind());
        s.setString(i++, m.medium());
        s.setString(i++, m.direction().name());
        s.setString(i++, m.state().name());
        s.setString(i++, m.contact().isEmpty() ? null : tx.write(m.contact()));
        s.setString(i++, m.entity() == null ? null : m.entity().type());
        s.setString(i++, m.entity() == null ? null : m.entity().id());
        s.setString(i++, m.category());
        s.setString(i++, m.subject());
        s.setString(i++, m.notes());
        time(s, i++, m.occurredAt());
        s.setString(i++, m.followUpOf());
        s.setString(i++, m.owner());
        s.setString(i++, m.channel());
        s.setString(i++, m.sentAs());
        return i;
    }

    private static void link(Connection c, LoggedCommunication m) throws SQLException {
        Transactions.execute(c, "DELETE FROM tidings_communication_related WHERE communication_id = ?", m.id());
        List<String> related = new ArrayList<>(new java.util.LinkedHashSet<>(m.related()));
        if (related.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO tidings_communication_related (communication_id, related_id) VALUES (?,?)")) {
            for (String r : related) {
                insert.setString(1, m.id());
                insert.setString(2, r);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void time(PreparedStatement s, int index, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, at.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    @Override
    public Optional<LoggedCommunication> find(String id) {
        return tx.transaction(c -> find(c, id));
    }

    private Optional<LoggedCommunication> find(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM tidings_communication_log WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> related = new ArrayList<>();
                try (PreparedStatement links = c.prepareStatement("SELECT related_id FROM "
                        + "tidings_communication_related WHERE communication_id = ? ORDER BY related_id")) {
                    links.setString(1, id);
                    try (ResultSet r = links.executeQuery()) {
                        while (r.next()) {
                            related.add(r.getString(1));
                        }
                    }
                }
                String contact = rs.getString(6);
                String entityType = rs.getString(7);
                return Optional.of(new LoggedCommunication(rs.getString(1), rs.getString(2), rs.getString(3),
                        Direction.valueOf(rs.getString(4)), EntryState.valueOf(rs.getString(5)),
                        contact == null ? Map.of() : tx.read(contact, MAP),
                        entityType == null ? null : new EntityRef(entityType, rs.getString(8)), rs.getString(9),
                        rs.getString(10), rs.getString(11), instant(rs, 12), rs.getString(13), related,
                        rs.getString(14), rs.getString(15), rs.getString(16), instant(rs, 17), instant(rs, 18)));
            }
        }
    }

    @Override
    public boolean updateDraft(LoggedCommunication m, Instant now) {
        return tx.transaction(c -> {
            int changed;
            try (PreparedStatement update = c.prepareStatement("UPDATE tidings_communication_log SET id = ?, "
                    + "kind = ?, medium = ?, direction = ?, state = ?, contact = ?, entity_type = ?, entity_id = ?, "
                    + "category = ?, subject = ?, notes = ?, occurred_at = ?, follow_up_of = ?, owner = ?, "
                    + "channel = ?, sent_as = ?, updated_at = ?, contact_id = ?, address = ? "
                    + "WHERE id = ? AND state = 'DRAFT'")) {
                int i = bindRow(update, m);
                update.setLong(i++, now.toEpochMilli());
                update.setString(i++, m.contactId());
                update.setString(i++, Transactions.truncate(m.address(), 320));
                update.setString(i, m.id());
                changed = update.executeUpdate();
            }
            if (changed == 1) {
                link(c, m);
            }
            return changed == 1;
        });
    }

    @Override
    public boolean exists(String communicationId) {
        return tx.transaction(c -> Transactions.exists(c, "SELECT 1 FROM tidings_communication_log WHERE id = ?",
                communicationId)
                || Transactions.exists(c, "SELECT 1 FROM tidings_communication WHERE id = ?", communicationId));
    }

    @Override
    public List<CommunicationCategory> categories() {
        return tx.transaction(c -> {
            List<CommunicationCategory> all = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT category_key, name FROM tidings_communication_category ORDER BY category_key");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    all.add(new CommunicationCategory(rs.getString(1), rs.getString(2)));
                }
            }
            return all;
        });
    }

    @Override
    public Optional<CommunicationCategory> category(String key) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT category_key, name FROM tidings_communication_category WHERE category_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new CommunicationCategory(rs.getString(1), rs.getString(2)))
                            : Optional.<CommunicationCategory>empty();
                }
            }
        });
    }

    @Override
    public void saveCategory(CommunicationCategory category) {
        tx.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE tidings_communication_category SET name = ? WHERE category_key = ?")) {
                Transactions.bind(update, category.name(), category.key());
                if (update.executeUpdate() == 0) {
                    Transactions.execute(c, "INSERT INTO tidings_communication_category (category_key, name) "
                            + "VALUES (?,?)", category.key(), category.name());
                }
            }
            return null;
        });
    }

    @Override
    public boolean removeCategory(String key) {
        return tx.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM tidings_communication_category WHERE category_key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void saveFollowUp(FollowUp f, Instant now) {
        tx.transaction(c -> {
            Transactions.execute(c, "DELETE FROM tidings_follow_up WHERE communication_id = ?", f.communicationId());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tidings_follow_up (" + FOLLOW_UP
                    + ", created_at) VALUES (?,?,?,?,?,?,?)")) {
                insert.setString(1, f.communicationId());
                insert.setLong(2, f.dueAt().toEpochMilli());
                insert.setString(3, f.owner());
                insert.setString(4, f.note());
                time(insert, 5, f.completedAt());
                insert.setString(6, f.completedAs());
                insert.setLong(7, now.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<FollowUp> followUp(String communicationId) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + FOLLOW_UP + " FROM tidings_follow_up WHERE communication_id = ?")) {
                select.setString(1, communicationId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(followUp(rs)) : Optional.<FollowUp>empty();
                }
            }
        });
    }

    private static FollowUp followUp(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4), instant(rs, 5),
                rs.getString(6));
    }

    @Override
    public List<FollowUp> openFollowUps(String owner, Instant dueBefore, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT " + FOLLOW_UP + " FROM tidings_follow_up WHERE completed_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (owner != null) {
            sql.append(" AND owner = ?");
            args.add(owner);
        }
        if (dueBefore != null) {
            sql.append(" AND due_at < ?");
            args.add(dueBefore.toEpochMilli());
        }
        sql.append(" ORDER BY due_at, communication_id LIMIT ?");
        args.add(limit);
        return tx.transaction(c -> {
            List<FollowUp> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                Transactions.bind(select, args.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(followUp(rs));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public boolean completeFollowUp(String communicationId, LoggedCommunication outcome, Instant now) {
        return tx.transaction(c -> {
            try (PreparedStatement close = c.prepareStatement("UPDATE tidings_follow_up SET completed_at = ?, "
                    + "completed_as = ? WHERE communication_id = ? AND completed_at IS NULL")) {
                close.setLong(1, now.toEpochMilli());
                close.setString(2, outcome.id());
                close.setString(3, communicationId);
                if (close.executeUpdate() == 0) {
                    return false;
                }
            }
            if (find(c, outcome.id()).isEmpty()) {
                insert(c, outcome, now.toEpochMilli());
            }
            return true;
        });
    }

    @Override
    public Optional<Sender> latestSentTo(String address) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT contact_id, entity_type, entity_id, id "
                    + "FROM tidings_communication WHERE recipient = ? AND sent_at IS NOT NULL "
                    + "ORDER BY created_at DESC LIMIT 1")) {
                select.setString(1, address);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Sender(rs.getString(1),
                            new EntityRef(rs.getString(2), rs.getString(3)), rs.getString(4)))
                            : Optional.<Sender>empty();
                }
            }
        });
    }

    @Override
    public List<FeedItem> feed(FeedQuery q) {
        boolean byContact = q.contactId() != null;
        String sent = byContact ? "c.contact_id = ?" : "c.entity_type = ? AND c.entity_id = ?";
        String logged = byContact ? "l.contact_id = ?" : "l.entity_type = ? AND l.entity_id = ?";
        String responses = byContact ? "c.contact_id = ?" : "r.entity_type = ? AND r.entity_id = ?";
        // each branch is limited to the page's end, so a long history is not read whole
        int end = q.offset() + q.limit();
        String sql = "SELECT item_type, id, at, medium, direction, status, contact_id, address, entity_type, "
                + "entity_id, category, subject, text, owner, about FROM ("
                + "(SELECT 'sent' AS item_type, c.id, c.sent_at AS at, c.medium, 'OUTBOUND' AS direction, "
                + "c.status, c.contact_id, c.recipient AS address, c.entity_type, c.entity_id, "
                + "CAST(NULL AS VARCHAR(64)) AS category, c.subject, c.body AS text, CAST(NULL AS VARCHAR(200)) "
                + "AS owner, CAST(NULL AS VARCHAR(200)) AS about FROM tidings_communication c WHERE " + sent
                + " AND c.sent_at IS NOT NULL ORDER BY c.sent_at DESC, c.id DESC LIMIT " + end + ") "
                + "UNION ALL (SELECT l.kind, l.id, l.occurred_at, l.medium, l.direction, l.state, l.contact_id, "
                + "l.address, l.entity_type, l.entity_id, l.category, l.subject, l.notes, l.owner, l.follow_up_of "
                + "FROM tidings_communication_log l WHERE " + logged + " AND l.sent_as IS NULL AND "
                + "l.occurred_at IS NOT NULL ORDER BY l.occurred_at DESC, l.id DESC LIMIT " + end + ") "
                + "UNION ALL (SELECT 'link_response', r.id, r.responded_at, c.medium, 'INBOUND', r.action, "
                + "c.contact_id, r.address, r.entity_type, r.entity_id, NULL, NULL, NULL, NULL, r.communication_id "
                + "FROM tidings_link_response r JOIN tidings_communication c ON c.id = r.communication_id WHERE "
                + responses + " ORDER BY r.responded_at DESC, r.id DESC LIMIT " + end + ")"
                + ") feed ORDER BY at DESC, id DESC LIMIT ? OFFSET ?";
        List<Object> args = new ArrayList<>();
        for (int branch = 0; branch < 3; branch++) {
            if (byContact) {
                args.add(q.contactId());
            } else {
                args.add(q.entityType());
                args.add(q.entityId());
            }
        }
        args.add(q.limit());
        args.add(q.offset());
        return tx.transaction(c -> {
            List<FeedItem> items = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                Transactions.bind(select, args.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String entityType = rs.getString(9);
                        items.add(new FeedItem(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                                Direction.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                                rs.getString(8), entityType == null ? null : new EntityRef(entityType, rs.getString(10)),
                                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                                rs.getString(15)));
                    }
                }
            }
            return items;
        });
    }
}
