package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;

/** The audit trail: newest first, filtered by time, actor and object, purged by age. */
public class JdbcAuditTest extends RepositoryContract {

    private void append(int secondsAfter, String actor, String action, String type, String key) {
        store.audit().append(new AuditEntry(NOW.plusSeconds(secondsAfter), actor, action, type, key, null));
    }

    private static List<String> actions(List<AuditEntry> entries) {
        return entries.stream().map(e -> e.action() + " " + e.objectType() + " " + e.objectKey()).toList();
    }

    @Test
    public void entriesAreReadNewestFirstAndFiltered() {
        append(0, "editor", "created", "template", "order-ready");
        append(10, "karaf", "changed", "template", "order-ready");
        append(20, "key:crm", "created", "rule", "order-ready");
        append(30, "karaf", "erased", "contact", null);

        assertEquals(List.of("erased contact null", "created rule order-ready", "changed template order-ready",
                "created template order-ready"), actions(store.audit().entries(new AuditQuery(null, null, null, null, 100))));
        assertEquals(List.of("erased contact null", "changed template order-ready"),
                actions(store.audit().entries(new AuditQuery(null, "karaf", null, null, 100))));
        assertEquals(List.of("changed template order-ready", "created template order-ready"),
                actions(store.audit().entries(new AuditQuery(null, null, "template", "order-ready", 100))));
        assertEquals(List.of("erased contact null", "created rule order-ready"),
                actions(store.audit().entries(new AuditQuery(NOW.plusSeconds(20), null, null, null, 100))));
        assertEquals(List.of("erased contact null"), actions(store.audit().entries(new AuditQuery(null, null, null, null, 1))));
    }

    @Test
    public void entriesOfTheSameMillisecondKeepTheirOrder() {
        append(0, "editor", "created", "template", "a");
        append(0, "editor", "changed", "template", "a");
        append(0, "editor", "deleted", "template", "a");

        assertEquals(List.of("deleted template a", "changed template a", "created template a"),
                actions(store.audit().entries(new AuditQuery(null, null, null, null, 100))));
    }

    @Test
    public void retentionRemovesOnlyWhatIsOlder() {
        append(0, "editor", "created", "template", "a");
        append(10, "editor", "changed", "template", "a");
        append(20, "editor", "deleted", "template", "a");

        assertEquals(2, store.audit().purgeAudit(NOW.plusSeconds(20), 100));

        assertEquals(List.of("deleted template a"), actions(store.audit().entries(new AuditQuery(null, null, null, null, 100))));
    }
}
