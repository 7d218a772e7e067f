package io.tidings.store.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.EntityRef;
import io.tidings.api.Medium;

/**
 * A repository's contract, run against every database the store supports: each test gets a fresh,
 * migrated database and the repositories built on it as {@link JdbcRepositories} builds them.
 */
@RunWith(Parameterized.class)
public abstract class RepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Parameters(name = "{0}")
    public static List<Database> databases() {
        return List.of(Database.values());
    }

    @Parameter
    public Database database;

    private Database.Fresh fresh;
    protected JdbcRepositories store;

    @Before
    public void freshStore() {
        fresh = database.open();
        Migrations.migrate(fresh.dataSource());
        store = new JdbcRepositories(fresh.dataSource(), fresh.dialect(), Clock.systemUTC());
    }

    @After
    public void removeDatabase() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    protected DataSource dataSource() {
        return fresh.dataSource();
    }

    protected Dialect dialect() {
        return fresh.dialect();
    }

    // ---- fixtures

    protected static BusinessEvent event(String id) {
        return new BusinessEvent(id, "order.status_changed", OffsetDateTime.parse("2026-11-23T10:00:00+02:00"), "kyiv",
                new EntityRef("order", "4711"), Map.of("order", Map.of("number", "4711", "status", "ready")));
    }

    protected static Communication queued(BusinessEvent event, String recipient, Instant notBefore) {
        return new Communication(UUID.randomUUID().toString(), event.id(), event.entity(), "rule", "template", null,
                recipient.contains("@") ? Medium.EMAIL : Medium.SMS, null, recipient, "en", CommunicationStatus.QUEUED,
                null, 0, notBefore, NOW, null, null, null, null);
    }

    protected static Communication scheduled(BusinessEvent event, String recipient, Instant notBefore) {
        return queued(event, recipient, notBefore).withStatus(CommunicationStatus.SCHEDULED, null);
    }

    protected static List<String> ids(List<Communication> communications) {
        return Collections.unmodifiableList(communications.stream().map(Communication::id).toList());
    }
}
