package io.tidings.core.management;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.tidings.api.Medium;
import io.tidings.api.channel.ChannelState;
import io.tidings.api.channel.OutboundMessage;
import io.tidings.api.channel.SendResult;
import io.tidings.core.dispatch.ChannelRegistry;
import io.tidings.core.dispatch.SendCounters;
import io.tidings.core.engine.TidingsEngine;

/** One bound channel as {@link ChannelMBean} shows it. */
final class ChannelBean implements ChannelMBean {

    static final String TEST_TEXT = "A test message from Tidings";

    private final Supplier<TidingsEngine> engine;
    private final ChannelRegistry.Route route;

    ChannelBean(Supplier<TidingsEngine> engine, ChannelRegistry.Route route) {
        this.engine = engine;
        this.route = route;
    }

    @Override
    public String getState() {
        return state().detail();
    }

    @Override
    public boolean isAvailable() {
        return state().available();
    }

    @Override
    public boolean isPaused() {
        TidingsEngine e = engine.get();
        return e != null && e.channels().paused().contains(route.name());
    }

    @Override
    public long getSent() {
        TidingsEngine e = engine.get();
        return e == null ? 0 : e.counters().total(SendCounters.SENT, route.name());
    }

    @Override
    public long getFailed() {
        TidingsEngine e = engine.get();
        return e == null ? 0 : e.counters().total(SendCounters.FAILED, route.name());
    }

    @Override
    public double getRate() {
        TidingsEngine e = engine.get();
        return e == null ? 0 : e.counters().sentPerSecond(route.name());
    }

    @Override
    public void pause() {
        required().pauseChannel(route.name());
    }

    @Override
    public void resume() {
        required().resumeChannel(route.name());
    }

    @Override
    public String testSend(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address: an email address or a phone number in E.164 is required");
        }
        Medium medium = address.contains("@") ? Medium.EMAIL : Medium.SMS;
        if (!route.serves(medium)) {
            throw new IllegalArgumentException("address: channel " + route.name() + " does not send " + medium
                    + "; it sends " + route.media());
        }
        OutboundMessage message = new OutboundMessage("test-" + UUID.randomUUID(), medium, address.trim(), null,
                medium == Medium.EMAIL ? "Tidings test" : null, TEST_TEXT + " through channel " + route.name() + ".",
                null, "en", 1, null, List.of());
        try {
            SendResult result = route.channel().send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
            return switch (result.outcome()) {
                case SENT -> "sent" + (result.providerMessageId() == null ? "" : "; provider id " + result.providerMessageId());
                case TRANSIENT_FAILURE -> "failed, may succeed later: " + result.error();
                case PERMANENT_FAILURE -> "failed: " + result.error();
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return "failed: " + e.getCause();
        } catch (TimeoutException e) {
            return "no answer within 30 s";
        }
    }

    private ChannelState state() {
        TidingsEngine e = engine.get();
        return e == null ? ChannelRegistry.stateOfChannel(route.channel()) : e.channels().state(route);
    }

    private TidingsEngine required() {
        TidingsEngine e = engine.get();
        if (e == null) {
            throw new IllegalStateException("the Tidings engine is not running");
        }
        return e;
    }
}
