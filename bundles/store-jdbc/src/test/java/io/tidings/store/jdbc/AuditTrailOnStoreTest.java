package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;
import io.tidings.core.access.CoreAuditTrail;

/** The audit trail service on a real store: entries without a time get the clock's, retention purges. */
public class AuditTrailOnStoreTest extends RepositoryContract {

    @Test
    public void entriesOlderThanTheRetentionPeriodArePurged() {
        CoreAuditTrail trail = new CoreAuditTrail(store.audit(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
        trail.record(new AuditEntry(NOW.minus(Duration.ofDays(31)), "karaf", "changed", "template", "old", null));
        trail.record(new AuditEntry(null, "karaf", "changed", "template", "new", "version 2"));

        assertEquals(1, trail.purge());

        List<AuditEntry> left = trail.entries(new AuditQuery(null, null, null, null, 0));
        assertEquals(List.of(new AuditEntry(NOW, "karaf", "changed", "template", "new", "version 2")), left);
    }

    @Test
    public void withoutRetentionNothingIsPurged() {
        CoreAuditTrail trail = new CoreAuditTrail(store.audit(), Clock.fixed(NOW, ZoneOffset.UTC), null);
        trail.record(new AuditEntry(NOW.minus(Duration.ofDays(3650)), "karaf", "changed", "template", "old", null));

        assertEquals(0, trail.purge());
        assertEquals(1, trail.entries(new AuditQuery(null, null, null, null, 10)).size());
    }
}
