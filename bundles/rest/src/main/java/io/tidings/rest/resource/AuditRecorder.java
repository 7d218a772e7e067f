package io.tidings.rest.resource;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.access.AuditEntry;
import io.tidings.rest.route.Audit;

/**
 * Writes the router's audit entries to the {@link io.tidings.api.access.AuditTrail}. A change whose
 * entry cannot be written after it was made stays made (its caller is told it succeeded, which it
 * did); the failure is logged.
 */
final class AuditRecorder implements Audit.Log {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    private final Services services;
    private final Clock clock;

    AuditRecorder(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @Override
    public void check() {
        services.audit();
    }

    @Override
    public void record(String actor, Audit.Change change) {
        try {
            services.audit().record(new AuditEntry(clock.instant(), actor == null ? "unknown" : actor, change.action(),
                    change.objectType(), change.objectKey(), change.detail()));
        } catch (RuntimeException e) {
            LOG.error("The audit entry of a change was not written ({} {} {}): {}", change.action(), change.objectType(),
                    change.objectKey(), e.toString());
        }
    }
}
