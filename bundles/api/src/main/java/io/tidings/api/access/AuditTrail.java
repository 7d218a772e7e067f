package io.tidings.api.access;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who changed what, and when: kept as long as the record's retention setting keeps communications
 * ({@code retentionDays} of {@code io.tidings.dispatch}; for good when unset).
 */
@ProviderType
public interface AuditTrail {

    void record(AuditEntry entry);

    /** Newest first. */
    List<AuditEntry> entries(AuditQuery query);
}
