package io.tidings.rest.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidings.api.Medium;
import io.tidings.api.channel.ChannelSummary;
import io.tidings.rest.health.Health.ChannelCheck;
import io.tidings.rest.health.Health.Check;
import io.tidings.rest.health.Health.MediumCheck;
import io.tidings.rest.health.Health.Status;

/**
 * Turns what the store, the dispatcher and the channels say into one {@link Health}: DOWN when
 * nothing can go out (the store unreachable, the dispatcher stopped), DEGRADED when some can (a
 * channel unavailable, QUEUED messages of a medium no available channel serves), else UP.
 */
final class HealthEvaluation {

    private HealthEvaluation() {
    }

    /** Media that no available channel serves: the store is asked whether messages of theirs wait. */
    static Set<Medium> unserved(List<ChannelSummary> channels) {
        Set<Medium> unserved = new java.util.TreeSet<>(media(channels));
        for (ChannelSummary channel : channels) {
            if (channel.state().available()) {
                channel.media().forEach(m -> unserved.removeIf(medium -> medium.name().equals(m)));
            }
        }
        return unserved;
    }

    /**
     * @param store      null when the engine is not running, so the store cannot be asked
     * @param dispatcher null when the engine publishes no dispatcher status
     * @param channels   the engine's channel directory, empty without one
     */
    static Health evaluate(StoreReading store, Boolean dispatcher, List<ChannelSummary> channels) {
        Check storeCheck = store == null ? new Check(Status.DOWN, "the engine is not running")
                : store.reached() ? new Check(Status.UP, "answered in " + store.millis() + " ms")
                : new Check(Status.DOWN, store.failure());
        Check dispatcherCheck = dispatcher == null ? new Check(Status.DOWN, "the engine is not running")
                : dispatcher ? new Check(Status.UP, "running") : new Check(Status.DOWN, "stopped");

        Map<String, ChannelCheck> channelChecks = new LinkedHashMap<>();
        Map<Medium, Integer> available = new LinkedHashMap<>();
        for (Medium medium : media(channels)) {
            available.put(medium, 0);
        }
        for (ChannelSummary channel : channels) {
            boolean up = channel.state().available();
            channelChecks.put(channel.name(), new ChannelCheck(up ? Status.UP : Status.DOWN, channel.media(),
                    channel.state().detail()));
            if (up) {
                for (String m : channel.media()) {
                    available.computeIfPresent(medium(m), (k, n) -> n + 1);
                }
            }
        }
        Map<String, MediumCheck> mediumChecks = new LinkedHashMap<>();
        available.forEach((medium, n) -> {
            boolean waiting = store != null && store.waiting().contains(medium);
            MediumCheck check = n > 0 ? new MediumCheck(Status.UP, n, n + " available channel" + (n == 1 ? "" : "s"))
                    : waiting ? new MediumCheck(Status.DEGRADED, 0, "QUEUED messages wait: no available channel")
                    : new MediumCheck(Status.UP, 0, "no available channel; none of its messages waits");
            mediumChecks.put(medium.name(), check);
        });

        Status overall;
        if (storeCheck.status() == Status.DOWN || dispatcherCheck.status() == Status.DOWN) {
            overall = Status.DOWN;
        } else if (channelChecks.values().stream().anyMatch(c -> c.status() != Status.UP)
                || mediumChecks.values().stream().anyMatch(m -> m.status() != Status.UP)) {
            overall = Status.DEGRADED;
        } else {
            overall = Status.UP;
        }
        return new Health(overall, storeCheck, dispatcherCheck, channelChecks, mediumChecks);
    }

    private static Medium medium(String name) {
        return Medium.isName(name) ? Medium.of(name) : null;
    }

    /** EMAIL and SMS always, then every other medium a registered channel declares, by name. */
    private static Set<Medium> media(List<ChannelSummary> channels) {
        Set<Medium> media = new java.util.LinkedHashSet<>(List.of(Medium.EMAIL, Medium.SMS));
        java.util.TreeSet<Medium> others = new java.util.TreeSet<>();
        for (ChannelSummary channel : channels) {
            channel.media().stream().filter(Medium::isName).map(Medium::of).forEach(others::add);
        }
        media.addAll(others);
        return media;
    }
}
