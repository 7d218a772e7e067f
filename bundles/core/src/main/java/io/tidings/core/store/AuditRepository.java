package io.tidings.core.store;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;

/** The audit trail, appended to and read newest first. */
@ProviderType
public interface AuditRepository {

    void append(AuditEntry entry);

    List<AuditEntry> entries(AuditQuery query);

    /** Retention: removes up to {@code limit} entries older than {@code before}. @return how many */
    int purgeAudit(Instant before, int limit);
}
