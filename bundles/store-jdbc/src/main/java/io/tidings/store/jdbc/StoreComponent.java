package io.tidings.store.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.tidings.api.ValidationException;
import io.tidings.core.store.ApiKeyRepository;
import io.tidings.core.store.AuditRepository;
import io.tidings.core.store.CommunicationLogRepository;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.EngagementRepository;
import io.tidings.api.queue.ExternalOutbox;
import io.tidings.core.store.LocationRepository;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.store.RuleRepository;
import io.tidings.core.store.RunRepository;
import io.tidings.core.store.SettingsRepository;
import io.tidings.core.store.SuppressionRepository;
import io.tidings.core.store.TemplateRepository;
import io.tidings.core.store.WebhookRepository;

/**
 * The store in Karaf: the database is a pooled DataSource from the driver's DataSourceFactory (H2
 * by default), or the operator's DataSource service when {@code dataSource.target} selects one
 * (pax-jdbc-config). Once the schema is migrated, each repository is registered as a service of its own.
 */
// the services it registers by hand, declared so that the resolver (and features:verify) sees who provides them
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "OutboxRepository",
        uses = OutboxRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "CommunicationRecord",
        uses = CommunicationRecord.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "TemplateRepository",
        uses = TemplateRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "RuleRepository",
        uses = RuleRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "LocationRepository",
        uses = LocationRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "ConsentRepository",
        uses = ConsentRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "EngagementRepository",
        uses = EngagementRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = "objectClass:List<String>=io.tidings.api.queue.ExternalOutbox",
        uses = ExternalOutbox.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "SettingsRepository",
        uses = SettingsRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "ApiKeyRepository",
        uses = ApiKeyRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = "objectClass:List<String>=io.tidings.api.access.Units",
        uses = io.tidings.api.access.Units.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "AuditRepository",
        uses = AuditRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "RunRepository",
        uses = RunRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "SuppressionRepository",
        uses = SuppressionRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS + "WebhookRepository",
        uses = WebhookRepository.class)
@Capability(namespace = StoreComponent.SERVICE, attribute = StoreComponent.OBJECT_CLASS
        + "CommunicationLogRepository", uses = CommunicationLogRepository.class)
@Component(configurationPid = StoreComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfiguration.class)
public class StoreComponent {

    static final String PID = "io.tidings.store";
    static final String SERVICE = "osgi.service";
    static final String OBJECT_CLASS = "objectClass:List<String>=io.tidings.core.store.";
    /**
     * The default target of the dataSource reference matches no service, so that without a
     * {@code dataSource.target} the store builds its own pool from {@code url}.
     */
    static final String NO_DATA_SOURCE = "(!(objectClass=*))";
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    @Reference(name = "dataSourceFactory", target = "(osgi.jdbc.driver.class=org.h2.Driver)")
    private DataSourceFactory dataSourceFactory;

    /** Greedy: when the configured data source appears (or is replaced), the store re-activates on it. */
    @Reference(name = "dataSource", target = NO_DATA_SOURCE, cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY)
    private DataSource dataSource;

    private HikariDataSource pool;
    private QueueVacuum vacuum;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context, StoreConfiguration config, Map<String, Object> properties) throws SQLException {
        String target = dataSourceTarget(properties);
        DataSource database;
        Dialect dialect;
        String where;
        if (target != null) {
            if (dataSource == null) {
                LOG.info("Tidings store waiting for the data source {}", target);
                return;
            }
            database = dataSource;
            dialect = Dialect.of(dataSource);
            where = "the data source " + target;
        } else {
            String url = effectiveUrl(config.url());
            dialect = Dialect.forUrl(url);
            pool = openPool(dataSourceFactory, config, properties);
            database = pool;
            where = scheme(url);
        }
        try {
            int applied = Migrations.migrate(database);
            LOG.info("Tidings store ready on {} ({} migration(s) applied)", where, applied);
        } catch (RuntimeException e) {
            closePool();
            throw e;
        }
        register(context, new JdbcRepositories(database, dialect, Clock.systemUTC(),
                NodeName.of(config.nodeName(), System.getProperty("karaf.data"))), dialect);
        if (dialect instanceof Dialect.PostgreSql && config.vacuumQueue()) {
            vacuum = new QueueVacuum(database);
            vacuum.start(QueueVacuum.EVERY);
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        registrations.clear();
        if (vacuum != null) {
            vacuum.close();
            vacuum = null;
        }
        closePool();
    }

    private void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /** Each repository as its own service; the properties say which database, never how to reach it. */
    private void register(BundleContext context, JdbcRepositories store, Dialect dialect) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("tidings.store.database", dialect.name());
        registrations.add(context.registerService(OutboxRepository.class, store.outbox(), props));
        registrations.add(context.registerService(CommunicationRecord.class, store.record(), props));
        registrations.add(context.registerService(TemplateRepository.class, store.templates(), props));
        registrations.add(context.registerService(RuleRepository.class, store.rules(), props));
        registrations.add(context.registerService(LocationRepository.class, store.locations(), props));
        registrations.add(context.registerService(ConsentRepository.class, store.consent(), props));
        registrations.add(context.registerService(EngagementRepository.class, store.engagement(), props));
        registrations.add(context.registerService(ExternalOutbox.class, store.externalOutbox(), props));
        registrations.add(context.registerService(SettingsRepository.class, store.settings(), props));
        registrations.add(context.registerService(ApiKeyRepository.class, store.apiKeys(), props));
        registrations.add(context.registerService(io.tidings.api.access.Units.class, store.units(), props));
        registrations.add(context.registerService(AuditRepository.class, store.audit(), props));
        registrations.add(context.registerService(RunRepository.class, store.runs(), props));
        registrations.add(context.registerService(SuppressionRepository.class, store.suppressions(), props));
        registrations.add(context.registerService(WebhookRepository.class, store.webhooks(), props));
        registrations.add(context.registerService(CommunicationLogRepository.class, store.communicationLog(), props));
    }

    /** The configured {@code dataSource.target}, or null when the store builds its own pool. */
    static String dataSourceTarget(Map<String, ?> properties) {
        Object target = properties.get("dataSource.target");
        if (target == null || target.toString().isBlank() || NO_DATA_SOURCE.equals(target.toString().trim())) {
            return null;
        }
        return target.toString().trim();
    }

    /** The store's own pool on the driver's DataSourceFactory, from {@code url}, {@code user} and {@code password}. */
    static HikariDataSource openPool(DataSourceFactory factory, StoreConfiguration config, Map<String, ?> properties)
            throws SQLException {
        String url = effectiveUrl(config.url());
        Dialect dialect = Dialect.forUrl(url);
        Object driver = properties.get("dataSourceFactory.target");
        if (driver != null && !driver.toString().contains(dialect.driverClass())) {
            throw new ValidationException("dataSourceFactory.target", "url " + scheme(url) + " needs "
                    + "(osgi.jdbc.driver.class=" + dialect.driverClass() + ")");
        }
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, password(config, properties));
        DataSource raw = factory.createDataSource(props);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setPoolName("tidings-store");
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        return new HikariDataSource(hikari);
    }

    /**
     * The documented {@code password}; {@code .password} is what earlier versions read (and what a
     * form built from their metatype saved), so it still counts when {@code password} is not set.
     */
    private static String password(StoreConfiguration config, Map<String, ?> properties) {
        Object legacy = properties.get(".password");
        return config.password().isEmpty() && legacy != null ? legacy.toString() : config.password();
    }

    /** The configured URL, or the embedded H2 file under Karaf's data directory; H2 always without write delay. */
    public static String effectiveUrl(String configured) {
        String url = configured == null || configured.isBlank()
                ? "jdbc:h2:file:" + Path.of(System.getProperty("karaf.data", "data"), "tidings", "tidings").toAbsolutePath()
                : configured.trim();
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
            // H2 delays commits by 500 ms by default: an accepted event must be on disk before the 202
            url = url + ";WRITE_DELAY=0";
        }
        return url;
    }

    /** The URL without credentials or host details, for logs. */
    private static String scheme(String url) {
        int colon = url.indexOf(':', 5);
        return colon < 0 ? url : url.substring(0, colon);
    }
}
