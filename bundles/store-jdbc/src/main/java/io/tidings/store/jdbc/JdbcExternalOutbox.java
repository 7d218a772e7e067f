package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.execute;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import io.tidings.api.queue.QueuedMessage;
import io.tidings.api.queue.ExternalOutbox;

/** The outbox of external channels over JDBC: rendered messages that external systems claim and acknowledge. */
public final class JdbcExternalOutbox implements ExternalOutbox {

    private static final TypeReference<QueuedMessage> QUEUED_MESSAGE = new TypeReference<>() {
    };

    private final Transactions tx;

    JdbcExternalOutbox(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void outboxPut(String channel, QueuedMessage message, Instant now) {
        tx.transaction(c -> {
            execute(c, "DELETE FROM tidings_outbox WHERE communication_id = ?", message.communicationId());
            execute(c, "INSERT INTO tidings_outbox (communication_id, channel, message, created_at) VALUES (?,?,?,?)",
                    message.communicationId(), channel, tx.write(message), now.toEpochMilli());
            return null;
        });
    }

    @Override
    public List<QueuedMessage> outboxClaim(String channel, int limit, Instant now,
            Instant claimedUntil) {
        return tx.transaction(c -> {
            List<String> ids = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT communication_id, message FROM tidings_outbox "
                    + "WHERE channel = ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY created_at, "
                    + "communication_id LIMIT ?" + tx.dialect().lockSkippingLocked())) {
                bind(select, channel, now.toEpochMilli(), limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        messages.add(rs.getString(2));
                    }
                }
            }
            List<QueuedMessage> claimed = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE tidings_outbox SET claimed_until = ? WHERE communication_id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    bind(update, claimedUntil.toEpochMilli(), ids.get(i));
                    update.executeUpdate();
                    QueuedMessage m = tx.read(messages.get(i), QUEUED_MESSAGE);
                    claimed.add(new QueuedMessage(m.communicationId(), m.medium(), m.recipient(),
                            m.recipientName(), m.subject(), m.text(), m.html(), m.language(), claimedUntil));
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean acknowledge(String channel, String communicationId, String providerMessageId,
            io.tidings.api.CommunicationStatus status, String reason) {
        return tx.transaction(c -> {
            if (!JdbcOutbox.markByProviderId(c, tx.millis(), channel, providerMessageId, status, reason)) {
                return false;
            }
            execute(c, "DELETE FROM tidings_outbox WHERE channel = ? AND communication_id = ?", channel,
                    communicationId);
            return true;
        });
    }

    @Override
    public boolean outboxRemove(String channel, String communicationId) {
        return tx.update("DELETE FROM tidings_outbox WHERE channel = ? AND communication_id = ?", channel,
                communicationId) > 0;
    }
}
