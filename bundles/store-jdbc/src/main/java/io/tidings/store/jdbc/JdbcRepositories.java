package io.tidings.store.jdbc;

import java.time.Clock;

import javax.sql.DataSource;

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
 * The store's repositories on one data source, sharing its transactions: the one way to build the
 * store outside OSGi (engine tests, benchmarks); {@link StoreComponent} registers the same objects
 * as services. The schema must be migrated first ({@link Migrations#migrate}).
 */
public final class JdbcRepositories {

    private final JdbcOutbox outbox;
    private final JdbcCommunicationRecord record;
    private final JdbcTemplates templates;
    private final JdbcRules rules;
    private final JdbcLocations locations;
    private final JdbcConsent consent;
    private final JdbcEngagement engagement;
    private final JdbcExternalOutbox externalOutbox;
    private final JdbcSettings settings;
    private final JdbcApiKeys apiKeys;
    private final JdbcUnits units;
    private final JdbcAudit audit;
    private final JdbcRuns runs;
    private final JdbcSuppressions suppressions;
    private final JdbcWebhooks webhooks;
    private final StatusDeliveries statusDeliveries;
    private final JdbcCommunicationLog communicationLog;

    /** Repositories of a node that gets a new name each time (tests, benchmarks). */
    public JdbcRepositories(DataSource dataSource, Dialect dialect, Clock clock) {
        this(dataSource, dialect, clock, "node-" + java.util.UUID.randomUUID());
    }

    /**
     * @param node this node's name, the same across its restarts: the rows it claimed and never
     *             finished are queued again when it starts, without waiting for their leases
     */
    public JdbcRepositories(DataSource dataSource, Dialect dialect, Clock clock, String node) {
        Transactions tx = new Transactions(dataSource, dialect, clock);
        statusDeliveries = new StatusDeliveries(tx);
        outbox = new JdbcOutbox(tx, node, statusDeliveries);
        record = new JdbcCommunicationRecord(tx);
        templates = new JdbcTemplates(tx);
        rules = new JdbcRules(tx);
        locations = new JdbcLocations(tx);
        consent = new JdbcConsent(tx);
        engagement = new JdbcEngagement(tx);
        externalOutbox = new JdbcExternalOutbox(tx);
        settings = new JdbcSettings(tx);
        apiKeys = new JdbcApiKeys(tx);
        units = new JdbcUnits(tx);
        audit = new JdbcAudit(tx);
        runs = new JdbcRuns(tx);
        suppressions = new JdbcSuppressions(tx);
        webhooks = new JdbcWebhooks(tx, node, statusDeliveries);
        communicationLog = new JdbcCommunicationLog(tx);
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public CommunicationRecord record() {
        return record;
    }

    public TemplateRepository templates() {
        return templates;
    }

    public RuleRepository rules() {
        return rules;
    }

    public LocationRepository locations() {
        return locations;
    }

    public ConsentRepository consent() {
        return consent;
    }

    public EngagementRepository engagement() {
        return engagement;
    }

    public ExternalOutbox externalOutbox() {
        return externalOutbox;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public io.tidings.api.access.Units units() {
        return units;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public AuditRepository audit() {
        return audit;
    }

    public RunRepository runs() {
        return runs;
    }

    public SuppressionRepository suppressions() {
        return suppressions;
    }

    public WebhookRepository webhooks() {
        return webhooks;
    }

    public CommunicationLogRepository communicationLog() {
        return communicationLog;
    }

    /** The webhook deliveries of status changes (tests write their bodies). */
    StatusDeliveries statusDeliveries() {
        return statusDeliveries;
    }
}
