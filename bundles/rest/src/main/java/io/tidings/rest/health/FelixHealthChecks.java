package io.tidings.rest.health;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Supplier;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The checks of {@code GET /tidings/health} as Apache Felix Health Checks ({@code hc.tags=tidings}),
 * so that Karaf's health tooling sees them: store and dispatcher CRITICAL when DOWN, channels WARN
 * when one is unavailable or messages of a medium wait for a channel. Loaded only where the Felix
 * HC API is wired (see {@link HealthCheckServices}).
 */
final class FelixHealthChecks {

    static final String TAG = "tidings";

    private FelixHealthChecks() {
    }

    static List<ServiceRegistration<?>> register(BundleContext context, Supplier<Health> health) {
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        registrations.add(register(context, "Tidings store", () -> result(health.get().store())));
        registrations.add(register(context, "Tidings dispatcher", () -> result(health.get().dispatcher())));
        registrations.add(register(context, "Tidings channels", () -> channels(health.get())));
        return registrations;
    }

    private static ServiceRegistration<HealthCheck> register(BundleContext context, String name, HealthCheck check) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME, name);
        properties.put(HealthCheck.TAGS, new String[] {TAG});
        return context.registerService(HealthCheck.class, check, properties);
    }

    private static Result result(Health.Check check) {
        return new Result(status(check.status()), check.detail());
    }

    /** Every channel and medium, worst first: an unavailable one is a warning, since others may serve. */
    private static Result channels(Health health) {
        StringBuilder message = new StringBuilder();
        boolean warn = false;
        for (var c : health.channels().entrySet()) {
            warn |= c.getValue().status() != Health.Status.UP;
            append(message, "channel " + c.getKey() + ": " + c.getValue().status() + " (" + c.getValue().detail() + ")");
        }
        for (var m : health.media().entrySet()) {
            warn |= m.getValue().status() != Health.Status.UP;
            append(message, m.getKey() + ": " + m.getValue().status() + " (" + m.getValue().detail() + ")");
        }
        return new Result(warn ? Result.Status.WARN : Result.Status.OK,
                message.length() == 0 ? "no channels" : message.toString());
    }

    private static void append(StringBuilder message, String part) {
        message.append(message.length() == 0 ? "" : "; ").append(part);
    }

    private static Result.Status status(Health.Status status) {
        return switch (status) {
            case UP -> Result.Status.OK;
            case DEGRADED -> Result.Status.WARN;
            case DOWN -> Result.Status.CRITICAL;
        };
    }
}
