package io.tidings.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.access.AuditEntry;
import io.tidings.api.access.AuditQuery;
import io.tidings.api.access.AuditTrail;
import io.tidings.core.engine.DispatchConfiguration;
import io.tidings.core.engine.EngineComponent;
import io.tidings.core.store.AuditRepository;
import io.tidings.core.support.TidingsThreads;

/**
 * The audit trail. It is kept as long as the record keeps communications: {@code retentionDays} of
 * {@code io.tidings.dispatch}, read here as well, purged once an hour.
 */
@Component(service = AuditTrail.class, configurationPid = EngineComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class CoreAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(CoreAuditTrail.class);
    static final int MAX_LIMIT = 1_000;
    private static final int PURGE_BATCH = 1_000;
    private static final int PURGE_ROUND = 100;

    @Reference
    private AuditRepository store;

    private final Clock clock;
    private volatile Duration retention;
    private ScheduledExecutorService schedule;

    public CoreAuditTrail() {
        this.clock = Clock.systemUTC();
    }

    /** Outside OSGi (tests): no schedule, {@link #purge()} when the test says. */
    public CoreAuditTrail(AuditRepository store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    @Activate
    void activate(DispatchConfiguration config) {
        modified(config);
        schedule = Executors.newSingleThreadScheduledExecutor(TidingsThreads.named("tidings-audit-retention"));
        schedule.scheduleWithFixedDelay(this::purgeSafely, 1, 60, TimeUnit.MINUTES);
    }

    @Modified
    void modified(DispatchConfiguration config) {
        retention = config.retentionDays() > 0 ? Duration.ofDays(config.retentionDays()) : null;
    }

    @Deactivate
    void deactivate() {
        schedule.shutdown();
    }

    @Override
    public void record(AuditEntry entry) {
        if (entry.actor() == null || entry.action() == null || entry.objectType() == null) {
            throw new IllegalArgumentException("an audit entry names its actor, action and object type");
        }
        store.append(entry.at() != null ? entry : new AuditEntry(clock.instant(), entry.actor(), entry.action(),
                entry.objectType(), entry.objectKey(), entry.detail()));
    }

    @Override
    public List<AuditEntry> entries(AuditQuery query) {
        int limit = query.limit() <= 0 ? 100 : Math.min(query.limit(), MAX_LIMIT);
        return store.entries(new AuditQuery(query.since(), query.actor(), query.objectType(), query.objectKey(), limit));
    }

    /** Removes the entries older than the retention period. @return how many */
    public int purge() {
        Duration keep = retention;
        if (keep == null) {
            return 0;
        }
        Instant before = clock.instant().minus(keep);
        int removed = 0;
        for (int round = 0; round < PURGE_ROUND; round++) {
            int batch = store.purgeAudit(before, PURGE_BATCH);
            removed += batch;
            if (batch < PURGE_BATCH) {
                break;
            }
        }
        return removed;
    }

    private void purgeSafely() {
        try {
            int removed = purge();
            if (removed > 0) {
                LOG.info("Retention: {} audit entr(ies) older than {} day(s) removed", removed, retention.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging the audit trail failed; retried in an hour: {}", e.toString());
        }
    }
}
