package io.tidings.core.events;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tidings.api.Communication;
import io.tidings.api.CommunicationStatus;

/** Where the engine reports status changes: to every {@link StatusListener} present, none failing the send path. */
public final class StatusEvents {

    private static final Logger LOG = LoggerFactory.getLogger(StatusEvents.class);

    private volatile Supplier<? extends Collection<StatusListener>> listeners = List::of;

    public void listeners(Supplier<? extends Collection<StatusListener>> listeners) {
        this.listeners = listeners;
    }

    /** Whether anyone listens: what costs a read is done only then. */
    public boolean wanted() {
        return listeners.get().stream().anyMatch(StatusListener::listening);
    }

    public void changed(Communication c, CommunicationStatus status, String reason, String channel) {
        for (StatusListener listener : listeners.get()) {
            try {
                listener.changed(c, status, reason, channel);
            } catch (RuntimeException e) {
                LOG.warn("A status listener failed on communication {}: {}", c.id(), e.toString());
            }
        }
    }
}
