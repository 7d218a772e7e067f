package io.tidings.store.jdbc;

import static io.tidings.store.jdbc.Transactions.bind;
import static io.tidings.store.jdbc.Transactions.truncate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;
import io.tidings.core.store.AuditRepository;

/** The audit trail over JDBC. */
public final class JdbcAudit implements AuditRepository {

    private final Transactions tx;

    JdbcAudit(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEntry entry) {
        tx.update("INSERT INTO tidings_audit (changed_at, actor, action, object_type, object_key, detail) "
                + "VALUES (?,?,?,?,?,?)", entry.at().toEpochMilli(),
                truncate(entry.actor(), 300), truncate(entry.action(), 64), truncate(entry.objectType(), 64),
                truncate(entry.objectKey(), 300), truncate(entry.detail(), 2000));
    }

    @Override
    public List<AuditEntry> entries(AuditQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT changed_at, actor, action, object_type, object_key, detail FROM tidings_audit WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.since() != null) {
            sql.append(" AND changed_at >= ?");
            args.add(query.since().toEpochMilli());
        }
        if (query.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(query.actor());
        }
        if (query.objectType() != null) {
            sql.append(" AND object_type = ?");
            args.add(query.objectType());
            if (query.objectKey() != null) {
                sql.append(" AND object_key = ?");
                args.add(query.objectKey());
            }
        }
        sql.append(" ORDER BY changed_at DESC, id DESC LIMIT ?");
        args.add(Math.max(1, query.limit()));
        return tx.transaction(c -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                bind(select, args.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new AuditEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public int purgeAudit(Instant before, int limit) {
        return tx.update("DELETE FROM tidings_audit WHERE id IN (SELECT id FROM tidings_audit WHERE changed_at < ? "
                + "ORDER BY changed_at LIMIT ?)", before.toEpochMilli(), limit);
    }
}
