package io.tidings.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.tidings.api.BusinessEvent;
import io.tidings.api.EntityRef;
import io.tidings.api.Purpose;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.channel.Channel;
import io.tidings.api.channel.DeliveryFeedback;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.core.dispatch.Backoff;
import io.tidings.core.dispatch.Dispatcher;
import io.tidings.core.engine.TidingsEngine;
import io.tidings.core.ingest.Ingest;
import io.tidings.core.support.ExpiringCache;
import io.tidings.rules.engine.RulePlanner;
import io.tidings.store.jdbc.Dialect;
import io.tidings.store.jdbc.JdbcRepositories;
import io.tidings.store.jdbc.Migrations;
import io.tidings.store.jdbc.StoreComponent;
import io.tidings.tags.crm.ContactInformationTags;
import io.tidings.tags.orders.LocationTags;
import io.tidings.tags.orders.OrderTags;
import io.tidings.template.velocity.VelocityTemplateEngine;

/**
 * The engine's real parts wired by the engine's composition root ({@link TidingsEngine}), as Karaf
 * wires them, for the benchmarks: a pooled H2 file store, the Velocity engine with the contact and
 * order tags, the rule engine, ingest with the caches core's template and rule services keep, and
 * the dispatcher, on H2 or PostgreSQL. One template and one rule
 * ("order ready") that sends it to the contact.
 */
final class BenchEngine implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final TidingsEngine engine;
    private final Dispatcher.Settings settings;
    private final Ingest ingest;
    private final Runnable drop;

    BenchEngine(Template template) throws Exception {
        this(template, "h2");
    }

    /** On {@code h2} (a file, as in Karaf) or {@code postgresql} (127.0.0.1:5432, database test, a schema of its own). */
    BenchEngine(Template template, String database) throws Exception {
        DataSource raw;
        Dialect dialect;
        if (database.startsWith("postgres")) {
            String schema = "tidings_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = ClaimBacklogBenchmark.Backlog.postgres().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            PGSimpleDataSource pg = ClaimBacklogBenchmark.Backlog.postgres();
            pg.setCurrentSchema(schema);
            raw = pg;
            dialect = new Dialect.PostgreSql();
            drop = () -> {
                try (Connection c = ClaimBacklogBenchmark.Backlog.postgres().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("could not drop schema " + schema + ": " + e.getMessage());
                }
            };
        } else {
            Path dir = Files.createTempDirectory("tidings-bench");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(StoreComponent.effectiveUrl("jdbc:h2:file:" + dir.resolve("tidings")));
            h2.setUser("sa");
            raw = h2;
            dialect = new Dialect.H2();
            drop = () -> {
            };
        }
        // pooled as in Karaf: an unpooled H2 file database closes and reopens with every connection
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(raw);
        pool.setMaximumPoolSize(8);
        dataSource = new HikariDataSource(pool);
        Migrations.migrate(dataSource);
        JdbcRepositories store = new JdbcRepositories(dataSource, dialect, Clock.systemUTC());
        VelocityTemplateEngine templates = new VelocityTemplateEngine();
        templates.addTagProvider(new ContactInformationTags());
        templates.addTagProvider(new OrderTags());
        templates.addTagProvider(new LocationTags());
        templates.validate(template);
        store.templates().saveTemplate(template);
        store.rules().saveRule(new NotificationRule("ready", "Order ready", "order.status_changed", "ready", List.of(), null,
                List.of(template.key()), List.of("contact_information"), Purpose.TRANSACTIONAL, null, true));
        ExpiringCache<String, Optional<Template>> current = new ExpiringCache<>(Duration.ofSeconds(5));
        ExpiringCache<String, List<NotificationRule>> rules = new ExpiringCache<>(Duration.ofSeconds(5));
        ExpiringCache<String, Optional<NotificationRule>> rule = new ExpiringCache<>(Duration.ofSeconds(5));
        settings = new Dispatcher.Settings(Integer.getInteger("tidings.bench.batch", 50), Integer.getInteger("tidings.bench.inflight", 200), 6, Duration.ofMinutes(2), Duration.ofMillis(100),
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 0.2));
        RulePlanner planner = new RulePlanner(Duration.ofMillis(250), 100);
        engine = new TidingsEngine(new TidingsEngine.Parts(store.outbox(), store.record(), store.locations(),
                store.consent(), planner, planner.addresses(), templates,
                () -> rules.get("", k -> store.rules().rules()), key -> rule.get(key, store.rules()::rule),
                (key, version) -> version == null ? current.get(key, store.templates()::template)
                        : store.templates().template(key, version), Clock.systemUTC()));
        ingest = engine.ingest();
    }

    /** Accepts the "order ready" event of order number {@code i} for a contact, as POST /events does. */
    void submit(String eventId, int i, Map<String, Object> contact) {
        ingest.submit(event(eventId, i, contact));
    }

    /** Queues {@code count} "order ready" events, a thousand to a transaction, as a notification run does. */
    void submitMany(String prefix, int count, Map<String, Object> contact) {
        for (int from = 0; from < count; from += Ingest.MAX_BATCH) {
            List<BusinessEvent> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + Ingest.MAX_BATCH); i++) {
                batch.add(event(prefix + "-" + i, i, contact));
            }
            ingest.submitAll(batch);
        }
    }

    private static BusinessEvent event(String eventId, int i, Map<String, Object> contact) {
        return new BusinessEvent(eventId, "order.status_changed", OffsetDateTime.now(), null,
                new EntityRef("order", "O-" + i), Map.of(
                        "order", Map.of("number", "O-" + i, "status", "ready"),
                        "location", Map.of("name", "Сервіс на Хрещатику"),
                        "contact_information", contact));
    }

    /**
     * A backlog of {@code rows} due SMS of the "order ready" rule, written by the database itself
     * (events of a thousand messages each): ingesting a million events would take longer than the
     * drain that is measured. Each message renders as an ingested one does.
     */
    void fillDirect(int rows, String templateKey) throws SQLException {
        boolean h2 = isH2();
        String range = h2 ? "SYSTEM_RANGE(?, ?) r(g)" : "generate_series(?::bigint, ?::bigint) r(g)";
        String data = "{\"order\":{\"number\":\"O-1\",\"status\":\"ready\"},\"location\":{\"name\":"
                + "\"Сервіс на Хрещатику\"},\"contact_information\":{\"name\":\"Олена Коваленко\",\"phone\":"
                + "\"+380671234567\",\"preferred_language\":\"uk\",\"consent\":{\"sms\":true}}}";
        long now = System.currentTimeMillis() - 60_000;
        try (Connection c = dataSource.getConnection();
                PreparedStatement events = c.prepareStatement("INSERT INTO tidings_event (id, event_type, occurred_at, "
                        + "location, entity_type, entity_id, data, received_at) SELECT 'drain-' || CAST(g AS VARCHAR), "
                        + "'order.status_changed', ?, NULL, 'order', 'O-' || CAST(g AS VARCHAR), ?, ? FROM " + range);
                PreparedStatement communications = c.prepareStatement("INSERT INTO tidings_communication (id, event_id, "
                        + "entity_type, entity_id, rule_key, template_key, medium, recipient, language, status, attempts, "
                        + "not_before, due_at, created_at, updated_at) SELECT 'd' || LPAD(CAST(g AS VARCHAR), 35, '0'), "
                        + "'drain-' || CAST(g / 1000 AS VARCHAR), 'order', 'O-' || CAST(g / 1000 AS VARCHAR), 'ready', ?, "
                        + "'SMS', '+380671234567', 'uk', 'QUEUED', 0, ? + g, ? + g, ? + g, ? + g FROM " + range)) {
            c.setAutoCommit(false);
            events.setString(1, OffsetDateTime.now().toString());
            events.setString(2, data);
            events.setLong(3, now);
            events.setLong(4, 0);
            events.setLong(5, (rows - 1) / 1000);
            events.executeUpdate();
            c.commit();
            for (long from = 0; from < rows; from += 50_000) {
                communications.setString(1, templateKey);
                communications.setLong(2, now - rows);
                communications.setLong(3, now - rows);
                communications.setLong(4, now - rows);
                communications.setLong(5, now - rows);
                communications.setLong(6, from);
                communications.setLong(7, Math.min(rows, from + 50_000) - 1);
                communications.executeUpdate();
                c.commit();
            }
        }
    }

    private boolean isH2() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        }
    }

    /** Communications in {@code status}, counted in the store. */
    long count(String status) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM tidings_communication WHERE status = ?")) {
            select.setString(1, status);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Receipts into the engine, as the engine's DeliveryFeedback service takes them in Karaf (batched when asynchronous). */
    DeliveryFeedback feedback() {
        return engine.service();
    }

    void addChannel(Channel channel, String name, String medium) {
        engine.addChannel(channel, Map.of(Channel.NAME, name, Channel.MEDIUM, medium, Channel.PRIORITY, 0));
    }

    void start() {
        engine.start(settings, null, null);
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
        drop.run();
    }
}
