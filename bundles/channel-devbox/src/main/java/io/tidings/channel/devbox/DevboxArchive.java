package io.tidings.channel.devbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import io.tidings.api.channel.MessageArchive;
import io.tidings.api.channel.OutboundMessage;

/** The messages the devbox took, newest first, at most {@code capacity} of them (in memory). */
final class DevboxArchive implements MessageArchive {

    static final int DEFAULT_CAPACITY = 1000;

    private final String channel;
    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>(); // guarded by this, newest first
    private int capacity; // guarded by this

    DevboxArchive(String channel, Clock clock, int capacity) {
        this.channel = channel;
        this.clock = clock;
        this.capacity = checked(capacity);
    }

    synchronized void keep(OutboundMessage message) {
        entries.addFirst(new Entry(message, channel, clock.instant()));
        trim();
    }

    /** A smaller capacity forgets the oldest messages at once. */
    synchronized void capacity(int newCapacity) {
        capacity = checked(newCapacity);
        trim();
    }

    synchronized int capacity() {
        return capacity;
    }

    @Override
    public synchronized List<Entry> messages(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: must not be negative, was " + limit);
        }
        List<Entry> newestFirst = new ArrayList<>(Math.min(limit, entries.size()));
        Iterator<Entry> it = entries.iterator();
        while (newestFirst.size() < limit && it.hasNext()) {
            newestFirst.add(it.next());
        }
        return newestFirst;
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }

    private void trim() {
        while (entries.size() > capacity) {
            entries.removeLast();
        }
    }

    private static int checked(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be at least 1, was " + capacity);
        }
        return capacity;
    }
}
