package io.tidings.core.management;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.tidings.core.dispatch.Dispatcher;
import io.tidings.core.engine.TidingsEngine;

/** The engine's send path as {@link DispatcherMBean} shows it; zeros while the engine is not there. */
final class DispatcherBean implements DispatcherMBean {

    private final Supplier<TidingsEngine> engine;

    DispatcherBean(Supplier<TidingsEngine> engine) {
        this.engine = engine;
    }

    @Override
    public int getInFlight() {
        Dispatcher d = dispatcher();
        return d == null ? 0 : d.inFlight();
    }

    @Override
    public double getClaimedPerSecond() {
        Dispatcher d = dispatcher();
        return d == null ? 0 : d.claimedPerSecond();
    }

    @Override
    public String getOldestDue() {
        return oldestDue().map(Instant::toString).orElse("");
    }

    @Override
    public long getOldestDueAgeSeconds() {
        return oldestDue().map(at -> Math.max(0, Duration.between(at, Instant.now()).toSeconds())).orElse(0L);
    }

    @Override
    public boolean isRunning() {
        return dispatcher() != null;
    }

    @Override
    public boolean isPaused() {
        TidingsEngine e = engine.get();
        return e != null && e.paused();
    }

    @Override
    public void pause() {
        required().pause();
    }

    @Override
    public void resume() {
        required().resume();
    }

    private Optional<Instant> oldestDue() {
        TidingsEngine e = engine.get();
        return e == null ? Optional.empty() : e.oldestDue();
    }

    private Dispatcher dispatcher() {
        TidingsEngine e = engine.get();
        return e == null ? null : e.dispatcher();
    }

    private TidingsEngine required() {
        TidingsEngine e = engine.get();
        if (e == null) {
            throw new IllegalStateException("the Tidings engine is not running");
        }
        return e;
    }
}
