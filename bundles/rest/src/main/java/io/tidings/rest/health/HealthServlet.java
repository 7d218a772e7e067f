package io.tidings.rest.health;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tidings.api.DispatcherStatus;
import io.tidings.api.NotificationService;
import io.tidings.api.channel.ChannelDirectory;
import io.tidings.api.channel.ChannelSummary;

/**
 * {@code GET /tidings/health}: whether Tidings can send, for load balancers and monitoring, with no
 * login (it names channels and states, never a recipient or a message). A servlet of its own, off
 * the admin API's path, so that it stays out of that API's login; it answers 503 with the reason
 * while the engine is away rather than disappearing. Immediate, so that its checks are registered
 * as Felix Health Checks (see {@link HealthCheckServices}) before anyone asks the servlet.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/tidings/health")
@HttpWhiteboardServletName("tidings-health")
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A hung database answers DOWN within this, well inside a load balancer's check timeout. */
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);
    /** Anyone may call: a reading serves the calls of a short while, so calls cannot load the database. */
    static final Duration STORE_REUSE = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient StoreProbe probe = new StoreProbe(STORE_TIMEOUT, STORE_REUSE);
    private final transient AtomicReference<NotificationService> notifications = new AtomicReference<>();
    private final transient AtomicReference<ChannelDirectory> channels = new AtomicReference<>();
    private final transient AtomicReference<DispatcherStatus> dispatcher = new AtomicReference<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Health health = health();
        byte[] body = JSON.writeValueAsBytes(health.toJson(JSON));
        response.setStatus(health.httpStatus());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    Health health() {
        ChannelDirectory directory = channels.get();
        List<ChannelSummary> list = directory == null ? List.of() : directory.channels();
        NotificationService engine = notifications.get();
        StoreReading store = engine == null ? null : probe.read(engine, HealthEvaluation.unserved(list));
        DispatcherStatus status = dispatcher.get();
        return HealthEvaluation.evaluate(store, status == null ? null : status.running(), list);
    }

    /** Unregisters the Felix Health Checks, if they were registered. */
    private transient AutoCloseable healthChecks = () -> {
    };

    @Activate
    void activate(BundleContext context) {
        healthChecks = new HealthCheckServices(context, this::health);
    }

    @Deactivate
    void deactivate() throws Exception {
        healthChecks.close();
        probe.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindNotificationService(NotificationService service) {
        notifications.set(service);
    }

    void unbindNotificationService(NotificationService service) {
        notifications.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindChannelDirectory(ChannelDirectory service) {
        channels.set(service);
    }

    void unbindChannelDirectory(ChannelDirectory service) {
        channels.compareAndSet(service, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDispatcherStatus(DispatcherStatus service) {
        dispatcher.set(service);
    }

    void unbindDispatcherStatus(DispatcherStatus service) {
        dispatcher.compareAndSet(service, null);
    }
}
