package io.tidings.store.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.tidings.api.BusinessEvent;
import io.tidings.api.Communication;
import io.tidings.api.CommunicationQuery;
import io.tidings.api.CommunicationStatus;
import io.tidings.api.Erasure;
import io.tidings.api.Medium;
import io.tidings.api.ValidationException;
import io.tidings.api.Purpose;
import io.tidings.api.consent.OptOut;
import io.tidings.api.location.Location;
import io.tidings.api.rule.NotificationRule;
import io.tidings.api.template.Template;
import io.tidings.core.store.IngestOutcome;
import io.tidings.core.store.ReminderChange;
import io.tidings.core.store.ReminderMark;
import io.tidings.core.store.CommunicationRecord;
import io.tidings.core.store.ConsentRepository;
import io.tidings.core.store.EngagementRepository;
import io.tidings.core.store.ExternalOutboxRepository;
import io.tidings.core.store.LocationRepository;
import io.tidings.core.store.OutboxRepository;
import io.tidings.core.store.RuleRepository;
import io.tidings.core.store.SettingsRepository;
import io.tidings.core.store.TemplateRepository;

/**
 * The store in Karaf: a pooled DataSource from the driver's DataSourceFactory (H2 by default),
 * migrated to the newest schema before the Store service is used.
 */
@Component(service = {OutboxRepository.class, CommunicationRecord.class, TemplateRepository.class,
        RuleRepository.class, LocationRepository.class, ConsentRepository.class, EngagementRepository.class,
        ExternalOutboxRepository.class, SettingsRepository.class}, configurationPid = StoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfiguration.class)
public class StoreComponent implements OutboxRepository, CommunicationRecord, TemplateRepository, RuleRepository,
        LocationRepository, ConsentRepository, EngagementRepository, ExternalOutboxRepository, SettingsRepository {

    static final String PID = "io.tidings.store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    @Reference(name = "dataSourceFactory", target = "(osgi.jdbc.driver.class=org.h2.Driver)")
    private DataSourceFactory dataSourceFactory;

    private HikariDataSource pool;
    private JdbcStore store;

    @Activate
    void activate(StoreConfiguration config, Map<String, Object> properties) throws SQLException {
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
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, config._password());
        DataSource raw = dataSourceFactory.createDataSource(props);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setPoolName("tidings-store");
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        pool = new HikariDataSource(hikari);
        try {
            int applied = Migrations.migrate(pool);
            LOG.info("Tidings store ready on {} ({} migration(s) applied)", scheme(url), applied);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        store = new JdbcStore(pool, dialect, Clock.systemUTC());
    }

    @Deactivate
    void deactivate() {
        if (pool != null) {
            pool.close();
        }
    }

    /** The configured URL, or the embedded H2 file under Karaf's data directory; H2 always without write delay. */
    public static String effectiveUrl(String configured) {
        String url = configured == null || configured.isBlank()
                ? "jdbc:h2:file:" + Path.of(System.getProperty("karaf.data", "data"), "tidings", "tidings").toAbsolutePath()
                : configured.trim();
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
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

    // ---- Store, delegated

    @Override
    public IngestOutcome ingest(BusinessEvent event, List<Communication> communications) {
        return store.ingest(event, communications);
    }

    @Override
    public IngestOutcome ingest(BusinessEvent event, List<Communication> communications,
            Map<String, ReminderMark> reminders, List<ReminderChange> changes) {
        return store.ingest(event, communications, reminders, changes);
    }

    @Override
    public List<IngestOutcome> ingestAll(List<Planned> events) {
        return store.ingestAll(events);
    }

    @Override
    public List<Communication> pendingReminders(String reminderKey) {
        return store.pendingReminders(reminderKey);
    }

    @Override
    public int suppressExpiredReminders(Instant now) {
        return store.suppressExpiredReminders(now);
    }

    @Override
    public Optional<List<String>> communicationsOfEvent(String eventId) {
        return store.communicationsOfEvent(eventId);
    }

    @Override
    public Optional<BusinessEvent> event(String eventId) {
        return store.event(eventId);
    }

    @Override
    public List<Communication> claimDue(Instant now, int limit, Instant leaseUntil) {
        return store.claimDue(now, limit, leaseUntil);
    }

    @Override
    public void markSentAll(List<Sent> sent) {
        store.markSentAll(sent);
    }

    @Override
    public void markSent(String id, String channel, String providerMessageId, int templateVersion, String language,
            String subject, String body, Instant sentAt) {
        store.markSent(id, channel, providerMessageId, templateVersion, language, subject, body, sentAt);
    }

    @Override
    public void markRetry(String id, String channel, String reason, Instant dueAt) {
        store.markRetry(id, channel, reason, dueAt);
    }

    @Override
    public void markWaiting(String id, String reason) {
        store.markWaiting(id, reason);
    }

    @Override
    public boolean markFinal(String id, CommunicationStatus status, String reason) {
        return store.markFinal(id, status, reason);
    }

    @Override
    public boolean markByProviderId(String channel, String providerMessageId, CommunicationStatus status, String reason) {
        return store.markByProviderId(channel, providerMessageId, status, reason);
    }

    @Override
    public int wakeWaiting(Medium medium, Instant now) {
        return store.wakeWaiting(medium, now);
    }

    @Override
    public Map<String, BusinessEvent> events(Collection<String> eventIds) {
        return store.events(eventIds);
    }

    @Override
    public Erasure erase(String address) {
        return store.erase(address);
    }

    @Override
    public int purge(Instant before, int limit) {
        return store.purge(before, limit);
    }

    @Override
    public int releaseExpiredLeases(Instant now) {
        return store.releaseExpiredLeases(now);
    }

    @Override
    public int releaseLeases(List<String> ids) {
        return store.releaseLeases(ids);
    }

    @Override
    public Optional<Communication> communication(String id) {
        return store.communication(id);
    }

    @Override
    public List<Communication> communications(CommunicationQuery query) {
        return store.communications(query);
    }

    @Override
    public Map<CommunicationStatus, Long> countByStatus() {
        return store.countByStatus();
    }

    @Override
    public List<Template> templates() {
        return store.templates();
    }

    @Override
    public Optional<Template> template(String key) {
        return store.template(key);
    }

    @Override
    public Optional<Template> template(String key, int version) {
        return store.template(key, version);
    }

    @Override
    public Template saveTemplate(Template template) {
        return store.saveTemplate(template);
    }

    @Override
    public boolean deleteTemplate(String key) {
        return store.deleteTemplate(key);
    }

    @Override
    public List<NotificationRule> rules() {
        return store.rules();
    }

    @Override
    public Optional<NotificationRule> rule(String key) {
        return store.rule(key);
    }

    @Override
    public void saveRule(NotificationRule rule) {
        store.saveRule(rule);
    }

    @Override
    public boolean deleteRule(String key) {
        return store.deleteRule(key);
    }

    @Override
    public void changeRules(List<NotificationRule> save, List<String> delete) {
        store.changeRules(save, delete);
    }

    @Override
    public List<Location> locations() {
        return store.locations();
    }

    @Override
    public Optional<Location> location(String key) {
        return store.location(key);
    }

    @Override
    public void saveLocation(Location location) {
        store.saveLocation(location);
    }

    @Override
    public boolean deleteLocation(String key) {
        return store.deleteLocation(key);
    }

    @Override
    public OptOut saveOptOut(OptOut optOut) {
        return store.saveOptOut(optOut);
    }

    @Override
    public boolean optedOut(String address, Purpose purpose) {
        return store.optedOut(address, purpose);
    }

    @Override
    public List<OptOut> optOuts(String address) {
        return store.optOuts(address);
    }

    @Override
    public void saveOptIn(String address, Purpose purpose, java.time.Instant at) {
        store.saveOptIn(address, purpose, at);
    }

    @Override
    public boolean optedIn(String address, Purpose purpose) {
        return store.optedIn(address, purpose);
    }

    @Override
    public io.tidings.api.link.LinkResponse saveLinkResponse(io.tidings.api.link.LinkResponse response) {
        return store.saveLinkResponse(response);
    }

    @Override
    public List<io.tidings.api.link.LinkResponse> linkResponses(String entityType, String entityId,
            java.time.Instant since, int limit) {
        return store.linkResponses(entityType, entityId, since, limit);
    }

    @Override
    public String setting(String name, java.util.function.Supplier<String> initial) {
        return store.setting(name, initial);
    }

    @Override
    public void recordOpen(String communicationId, java.time.Instant at) {
        store.recordOpen(communicationId, at);
    }

    @Override
    public void recordClick(String communicationId, java.time.Instant at) {
        store.recordClick(communicationId, at);
    }

    @Override
    public io.tidings.api.link.Engagement engagement(String communicationId) {
        return store.engagement(communicationId);
    }

    @Override
    public io.tidings.api.link.EngagementSummary engagementSummary(String ruleKey, java.time.Instant since) {
        return store.engagementSummary(ruleKey, since);
    }

    @Override
    public void outboxPut(String channel, io.tidings.api.queue.QueuedMessage message, java.time.Instant now) {
        store.outboxPut(channel, message, now);
    }

    @Override
    public List<io.tidings.api.queue.QueuedMessage> outboxClaim(String channel, int limit, java.time.Instant now,
            java.time.Instant claimedUntil) {
        return store.outboxClaim(channel, limit, now, claimedUntil);
    }

    @Override
    public boolean outboxRemove(String channel, String communicationId) {
        return store.outboxRemove(channel, communicationId);
    }
}
