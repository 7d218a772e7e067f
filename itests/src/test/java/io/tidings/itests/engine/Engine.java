package io.tidings.itests.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;

import io.tidings.api.channel.Channel;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.core.dispatch.Backoff;
import io.tidings.core.dispatch.Dispatcher;
import io.tidings.core.engine.TidingsEngine;
import io.tidings.core.ingest.Ingest;
import io.tidings.core.plan.ManualMessageTags;
import io.tidings.rules.engine.RulePlanner;
import io.tidings.rules.recipient.CanonicalAddresses;
import io.tidings.store.jdbc.Dialect;
import io.tidings.store.jdbc.JdbcRepositories;
import io.tidings.store.jdbc.Migrations;
import io.tidings.tags.crm.ContactInformationTags;
import io.tidings.tags.orders.LocationTags;
import io.tidings.tags.orders.OrderTags;
import io.tidings.template.velocity.VelocityTemplateEngine;

/**
 * The engine's real parts wired in one JVM by the engine's own composition root
 * ({@link TidingsEngine}), as Karaf wires them: the JDBC store on an H2 file, the Velocity template
 * engine with the contact and order tags, the rule engine, ingest and the dispatcher.
 */
final class Engine implements AutoCloseable {

    final JdbcRepositories store;
    private final com.zaxxer.hikari.HikariDataSource pool;
    final VelocityTemplateEngine templates = new VelocityTemplateEngine();
    final RulePlanner rules;
    final TidingsEngine engine;
    final Dispatcher dispatcher;
    final Ingest ingest;

    Engine(Dispatcher.Settings settings) throws Exception {
        this(settings, null);
    }

    /** @param defaultRegion the rule engine's {@code defaultRegion}, for numbers without a country code */
    Engine(Dispatcher.Settings settings, String defaultRegion) throws Exception {
        this(settings, defaultRegion, h2(Files.createTempDirectory("tidings-engine").resolve("tidings")), new Dialect.H2(),
                "node-" + java.util.UUID.randomUUID());
    }

    /**
     * The engine on a database of the caller's, under a node name of its own (the same across
     * restarts of one node, as in Karaf).
     */
    Engine(Dispatcher.Settings settings, String defaultRegion, javax.sql.DataSource dataSource, Dialect dialect,
            String node) throws Exception {
        rules = new RulePlanner(Duration.ofMillis(250), 100, new CanonicalAddresses(defaultRegion));
        // pooled as in Karaf: an unpooled H2 file database closes and reopens with every connection
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(4);
        this.pool = new com.zaxxer.hikari.HikariDataSource(pool);
        Migrations.migrate(this.pool);
        store = new JdbcRepositories(this.pool, dialect, Clock.systemUTC(), node);
        templates.addTagProvider(new ContactInformationTags());
        templates.addTagProvider(new OrderTags());
        templates.addTagProvider(new LocationTags());
        templates.addTagProvider(new ManualMessageTags());
        engine = new TidingsEngine(new TidingsEngine.Parts(store.outbox(), store.record(), store.locations(),
                store.consent(), rules, rules.addresses(), templates, store.rules()::rules, store.rules()::rule,
                (key, version) -> version == null ? store.templates().template(key)
                        : store.templates().template(key, version), Clock.systemUTC()));
        ingest = engine.ingest();
        engine.suppressions(store.suppressions());
        engine.start(settings, null, null);
        dispatcher = engine.dispatcher();
    }

    /** An H2 file database, committed to disk before a call returns (as the store runs it). */
    static javax.sql.DataSource h2(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0");
        dataSource.setUser("sa");
        return dataSource;
    }

    /** An SMTP channel to a server on loopback, as the engine tests configure it. */
    static io.tidings.channel.smtp.SmtpChannel smtp(String name, int port) {
        return new io.tidings.channel.smtp.SmtpChannel(name, new io.tidings.channel.smtp.SmtpSettings("127.0.0.1", port,
                null, null, false, "Tidings <noreply@tidings.test>", Duration.ofSeconds(2), Duration.ofSeconds(5), 1));
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Dispatcher.Settings settings(int maxAttempts, Duration backoffBase) {
        return new Dispatcher.Settings(50, 100, maxAttempts, Duration.ofMinutes(2), Duration.ofMillis(100),
                new Backoff(backoffBase, backoffBase.multipliedBy(8), 0.2));
    }

    Template save(Template template) {
        templates.validate(template);
        return store.templates().saveTemplate(template);
    }

    void save(NotificationRule rule) {
        rules.validate(rule);
        store.rules().saveRule(rule);
    }

    void addChannel(Channel channel, String name, String medium, int priority) {
        engine.addChannel(channel, java.util.Map.of(Channel.NAME, name, Channel.MEDIUM, medium, Channel.PRIORITY, priority));
    }

    Optional<io.tidings.api.Communication> communication(String id) {
        return store.record().communication(id);
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
