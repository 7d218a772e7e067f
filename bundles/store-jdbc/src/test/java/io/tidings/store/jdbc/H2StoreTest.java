package io.tidings.store.jdbc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;
import io.tidings.core.store.OutboxRepository;

/**
 * What only the embedded H2 database needs: its file under Karaf's data directory, commits on disk at once,
 * a claim that reads the front of the backlog only.
 */
public class H2StoreTest {

    @Test
    public void commitsAreWrittenWithoutDelay() throws Exception {
        try (Database.Fresh h2 = Database.H2.open(); Connection c = h2.dataSource().getConnection();
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            assertEquals("0", rs.getString(1));
        }
    }

    /** Sent and claimed rows have no due_at, and H2 sorts NULLs first: the claim must not walk past them. */
    @Test
    public void aClaimReadsOnlyTheDueEntriesOfTheIndexHoweverLongTheHistory() throws Exception {
        try (Database.Fresh h2 = Database.H2.open()) {
            Migrations.migrate(h2.dataSource());
            OutboxRepository outbox = new JdbcRepositories(h2.dataSource(), h2.dialect(), Clock.systemUTC()).outbox();
            Instant now = Instant.parse("2026-11-23T09:00:00Z");
            BusinessEvent past = new BusinessEvent("evt-past", "order.created", OffsetDateTime.parse("2026-11-23T08:00:00Z"),
                    null, new EntityRef("order", "1"), Map.of());
            outbox.ingest(past, communications(past, 1000, now.minusSeconds(60)));
            assertEquals(1000, outbox.claimDue(now, 1000, now.plusSeconds(60)).size());
            BusinessEvent event = new BusinessEvent("evt-due", "order.created", OffsetDateTime.parse("2026-11-23T08:00:00Z"),
                    null, new EntityRef("order", "2"), Map.of());
            List<Communication> due = communications(event, 3, now.minusSeconds(1));
            outbox.ingest(event, due);

            try (Connection c = h2.dataSource().getConnection();
                    PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + Dialect.H2.DUE_ROWS)) {
                explain.setLong(1, Long.MIN_VALUE);
                explain.setLong(2, now.toEpochMilli());
                explain.setInt(3, 50);
                try (ResultSet rs = explain.executeQuery()) {
                    rs.next();
                    Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(rs.getString(1));
                    assertTrue(rs.getString(1), scanned.find());
                    // the three due entries and the one after them that ends the range
                    assertTrue(rs.getString(1), Integer.parseInt(scanned.group(1)) <= due.size() + 1);
                }
            }
            assertEquals(due.stream().map(Communication::id).toList(),
                    outbox.claimDue(now, 50, now.plusSeconds(60)).stream().map(Communication::id).toList());
        }
    }

    private static List<Communication> communications(BusinessEvent event, int count, Instant due) {
        List<Communication> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant notBefore = due.plusMillis(i);
            planned.add(new Communication(UUID.randomUUID().toString(), event.id(), event.entity(), "rule", "template",
                    null, Medium.SMS, null, "+38067" + (1000000 + i), "uk", CommunicationStatus.QUEUED, null, 0,
                    notBefore, notBefore, null, null, null, null));
        }
        return planned;
    }

    @Test
    public void theDefaultDatabaseLivesUnderKarafsDataDirectory() {
        String previous = System.getProperty("karaf.data");
        System.setProperty("karaf.data", "/opt/karaf/data");
        try {
            assertEquals("jdbc:h2:file:/opt/karaf/data/tidings/tidings;WRITE_DELAY=0", StoreComponent.effectiveUrl(""));
            assertEquals("jdbc:h2:mem:x;WRITE_DELAY=1", StoreComponent.effectiveUrl("jdbc:h2:mem:x;WRITE_DELAY=1"));
            assertEquals("jdbc:postgresql://db/tidings", StoreComponent.effectiveUrl("jdbc:postgresql://db/tidings"));
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", previous);
            }
        }
    }
}
