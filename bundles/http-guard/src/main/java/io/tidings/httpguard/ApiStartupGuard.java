package io.tidings.httpguard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.pathmap.MappedResource;
import org.eclipse.jetty.http.pathmap.PathSpecGroup;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Wraps Pax Web's handlers so that a request below a guarded path that no servlet serves yet is
 * answered {@code 503} with {@code Retry-After} and a JSON error, not Jetty's HTML 404. Jetty opens
 * its port before the bundles that register servlets have started; a host platform that reads 404 as
 * "gone for good" would drop its events in that window. Once a servlet (not the context's default)
 * is mapped for the path, requests pass through untouched, so a stopped API, too, answers 503
 * rather than 404 — which is what a host should see while an operator updates it.
 */
public final class ApiStartupGuard extends HandlerWrapper {

    private static final byte[] BODY = ("{\"error\":\"the Tidings API is not available yet (starting or being updated); "
            + "retry after the time in Retry-After\",\"field\":null}").getBytes(StandardCharsets.UTF_8);

    private final List<String> prefixes;
    private final String retryAfterSeconds;

    /**
     * @param prefixes          comma-separated path prefixes to guard, e.g. {@code /tidings/api/}
     * @param retryAfterSeconds the {@code Retry-After} a refused caller is given
     */
    public ApiStartupGuard(String prefixes, int retryAfterSeconds) {
        this.prefixes = Arrays.stream(prefixes.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (this.prefixes.isEmpty() || this.prefixes.stream().anyMatch(p -> !p.startsWith("/"))) {
            throw new IllegalArgumentException("guarded path prefixes must each start with '/': '" + prefixes + "'");
        }
        this.retryAfterSeconds = Integer.toString(Math.max(1, retryAfterSeconds));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (guarded(target) && !served(target)) {
            baseRequest.setHandled(true);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", retryAfterSeconds);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json;charset=utf-8");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
            return;
        }
        super.handle(target, baseRequest, request, response);
    }

    boolean guarded(String target) {
        if (target == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (target.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a started context maps a servlet of its own (not its default servlet) to the path. */
    private boolean served(String target) {
        if (getServer() == null) {
            return false;
        }
        for (Handler handler : getServer().getChildHandlersByClass(ServletContextHandler.class)) {
            ServletContextHandler context = (ServletContextHandler) handler;
            String contextPath = context.getContextPath();
            String inContext = pathInContext(contextPath, target);
            if (inContext == null || !context.isStarted() || !context.isAvailable()
                    || context.getServletHandler() == null) {
                continue;
            }
            MappedResource<ServletHolder> mapped = context.getServletHandler().getMappedServlet(inContext);
            if (mapped != null && mapped.getPathSpec().getGroup() != PathSpecGroup.DEFAULT) {
                return true;
            }
        }
        return false;
    }

    static String pathInContext(String contextPath, String target) {
        if (contextPath == null || contextPath.isEmpty() || "/".equals(contextPath)) {
            return target;
        }
        if (target.equals(contextPath)) {
            return "/";
        }
        return target.startsWith(contextPath + "/") ? target.substring(contextPath.length()) : null;
    }
}
