package io.tidings.rest.health;

import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Registers the health checks as Felix Health Checks while Felix's health check executor is there
 * (the {@code tidings-healthcheck} feature), whenever it is installed: this bundle imports the HC
 * API dynamically, so it runs without it and needs no refresh when it arrives. No Felix type
 * appears here, so this class loads without them.
 */
final class HealthCheckServices implements AutoCloseable {

    private static final String EXECUTOR = "org.apache.felix.hc.api.execution.HealthCheckExecutor";

    private final BundleContext context;
    private final Supplier<Health> health;
    private final ServiceTracker<Object, Object> executors;
    private List<ServiceRegistration<?>> registrations; // guarded by this

    HealthCheckServices(BundleContext context, Supplier<Health> health) {
        this.context = context;
        this.health = health;
        try {
            this.executors = new ServiceTracker<>(context, context.createFilter("(objectClass=" + EXECUTOR + ")"), null) {
                @Override
                public Object addingService(ServiceReference<Object> reference) {
                    register();
                    return reference;
                }

                @Override
                public void removedService(ServiceReference<Object> reference, Object service) {
                    if (size() == 0) {
                        unregister();
                    }
                }
            };
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        executors.open(true);
    }

    private synchronized void register() {
        if (registrations == null) {
            registrations = FelixHealthChecks.register(context, health);
        }
    }

    private synchronized void unregister() {
        if (registrations != null) {
            registrations.forEach(registration -> {
                try {
                    registration.unregister();
                } catch (IllegalStateException gone) {
                    // unregistered with the bundle already
                }
            });
            registrations = null;
        }
    }

    @Override
    public void close() {
        executors.close();
        unregister();
    }
}
