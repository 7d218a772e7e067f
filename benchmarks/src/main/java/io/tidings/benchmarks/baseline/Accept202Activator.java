package io.tidings.benchmarks.baseline;

import java.util.Hashtable;

import javax.servlet.Servlet;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers {@link Accept202Servlet} at {@code /bench/accept} with the HTTP whiteboard of the Karaf it
 * is deployed into: the same Jetty and Pax Web as the Tidings REST API, without Tidings.
 */
public final class Accept202Activator implements BundleActivator {

    /** The path the servlet answers on. */
    public static final String PATH = "/bench/accept";

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", PATH);
        properties.put("osgi.http.whiteboard.servlet.name", "tidings-bench-accept");
        context.registerService(Servlet.class, new Accept202Servlet(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
