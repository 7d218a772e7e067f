package io.tidings.core.support;

import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads of the engine: daemons with a name an operator recognises in a thread dump, and an
 * uncaught-exception handler that logs — Karaf's standard output goes nowhere, so an error that
 * ends a thread would otherwise leave no trace.
 */
public final class TidingsThreads {

    private static final Logger LOG = LoggerFactory.getLogger(TidingsThreads.class);

    private TidingsThreads() {
    }

    public static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(
                (t, e) -> LOG.error("Thread {} ended by an uncaught {}", t.getName(), e.toString(), e));
        return thread;
    }

    /** A factory of {@link #daemon} threads, all of the same name. */
    public static ThreadFactory named(String name) {
        return task -> daemon(name, task);
    }
}
