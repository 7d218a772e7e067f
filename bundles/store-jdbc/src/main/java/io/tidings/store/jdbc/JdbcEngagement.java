package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.exists;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tidings.api.link.Engagement;
import io.tidings.api.link.EngagementSummary;
import io.tidings.api.link.LinkAction;
import io.tidings.api.link.LinkResponse;
import io.tidings.core.store.EngagementRepository;

/** What recipients did with their messages, over JDBC: dynamic links followed, tracked opens and clicks. */
public final class JdbcEngagement implements EngagementRepository {

    private final Transactions tx;

    JdbcEngagement(Transactions tx) {
        this.tx = tx;
    }


    private static final String LINK_COLUMNS = "id, action, address, communication_id, entity_type, entity_id, responded_at";

    @Override
    public LinkResponse saveLinkResponse(LinkResponse response) {
        // a second visit (or two nodes at once) finds the first record: the unique key decides
        Optional<LinkResponse> first = tx.transaction(c -> linkResponse(c, response.communicationId(), response.action()));
        if (first.isPresent()) {
            return first.get();
        }
        try {
            tx.update("INSERT INTO tidings_link_response (" + LINK_COLUMNS + ") VALUES (?,?,?,?,?,?,?)", response.id(),
                    response.action().name(), truncate(response.address(), 320), response.communicationId(),
                    response.entityType(), response.entityId(), response.at().toEpochMilli());
            return response;
        } catch (StoreException e) {
            return tx.transaction(c -> linkResponse(c, response.communicationId(), response.action())).orElseThrow(() -> e);
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
        return tx.transaction(c -> {
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
        boolean done = tx.transaction(c -> {
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
            tx.update("INSERT INTO tidings_engagement (communication_id, " + counter + ", " + first + ") VALUES (?,1,?)",
                    communicationId, at.toEpochMilli());
        } catch (StoreException e) {
            // another visit created the row first: count on it
            tx.update(increment, at.toEpochMilli(), communicationId);
        }
    }

    @Override
    public Engagement engagement(String communicationId) {
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT first_opened_at, opens, first_clicked_at, clicks "
                    + "FROM tidings_engagement WHERE communication_id = ?")) {
                select.setString(1, communicationId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return new Engagement(communicationId, null, 0, null, 0);
                    }
                    long opened = rs.getLong(1);
                    Instant firstOpened = rs.wasNull() ? null : Instant.ofEpochMilli(opened);
                    int opens = rs.getInt(2);
                    long clicked = rs.getLong(3);
                    Instant firstClicked = rs.wasNull() ? null : Instant.ofEpochMilli(clicked);
                    return new Engagement(communicationId, firstOpened, opens, firstClicked,
                            rs.getInt(4));
                }
            }
        });
    }

    @Override
    public EngagementSummary engagementSummary(String ruleKey, Instant since) {
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
        return tx.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                bind(select, args.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return new EngagementSummary(ruleKey, rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
        });
    }
}
