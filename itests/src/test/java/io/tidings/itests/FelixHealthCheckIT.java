package io.tidings.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The {@code tidings-healthcheck} feature installed into a running Tidings, as an operator would:
 * the store, dispatcher and channels checks run through Felix's own executor, OK, then CRITICAL
 * while the store's bundle is stopped (no engine: store and dispatcher DOWN), then OK again.
 */
public class FelixHealthCheckIT extends TidingsTestSupport {

    private static final String STORE = "Tidings store";
    private static final String DISPATCHER = "Tidings dispatcher";
    private static final String CHANNELS = "Tidings channels";
    private static final Map<String, String> OK = Map.of(CHANNELS, "OK", DISPATCHER, "OK", STORE, "OK");

    /**
     * Felix's executor, in a class of its own: the probe can load the HC API only once the feature
     * is installed, so the test class itself names none of its types.
     */
    private static final class Executor {
        /** Each Tidings check's status, by hc.name. */
        static Map<String, String> run(BundleContext context) {
            ServiceReference<HealthCheckExecutor> reference = context.getServiceReference(HealthCheckExecutor.class);
            if (reference == null) {
                return Map.of();
            }
            HealthCheckExecutor executor = context.getService(reference);
            try {
                Map<String, String> statuses = new TreeMap<>();
                for (HealthCheckExecutionResult r : executor.execute(HealthCheckSelector.tags("tidings"))) {
                    statuses.put(r.getHealthCheckMetadata().getName(), r.getHealthCheckResult().getStatus().name());
                }
                return statuses;
            } finally {
                context.ungetService(reference);
            }
        }
    }

    /** The HC bundles' and the REST bundle's states and the HC services there are, when the checks do not come. */
    private String describe() throws Exception {
        StringBuilder text = new StringBuilder();
        for (Bundle b : context.getBundles()) {
            String name = String.valueOf(b.getSymbolicName());
            if (name.contains("healthcheck") || name.startsWith("io.tidings.rest")) {
                text.append(name).append(' ').append(b.getState()).append("; ");
            }
        }
        ServiceReference<?>[] checks = context.getAllServiceReferences("org.apache.felix.hc.api.HealthCheck", null);
        text.append(checks == null ? 0 : checks.length).append(" HealthCheck services: ");
        for (ServiceReference<?> r : checks == null ? new ServiceReference<?>[0] : checks) {
            text.append(r.getProperty("hc.name")).append(" of ").append(r.getBundle().getSymbolicName()).append("; ");
        }
        return text.toString();
    }

    private Map<String, String> checks() {
        return Executor.run(context);
    }

    @Test
    public void theTidingsChecksRunInFelixHealthChecksOkThenCriticalWithoutTheStoreThenOkAgain() throws Exception {
        awaitApi();
        featuresService.installFeature("tidings-healthcheck");
        try {
            await().atMost(Duration.ofMinutes(2)).until(this::checks, OK::equals);
        } catch (RuntimeException e) {
            throw new AssertionError(describe(), e);
        }

        Bundle store = bundle("io.tidings.store.jdbc");
        store.stop();
        try {
            Map<String, String> down = await().atMost(Duration.ofMinutes(1)).until(this::checks,
                    c -> "CRITICAL".equals(c.get(STORE)) && "CRITICAL".equals(c.get(DISPATCHER)));
            assertTrue("channels: " + down, Set.of("OK", "WARN").contains(down.get(CHANNELS)));
        } finally {
            store.start();
        }
        await().atMost(Duration.ofMinutes(2)).until(this::checks, OK::equals);
    }
}
