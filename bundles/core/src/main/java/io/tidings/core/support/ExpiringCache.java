package io.tidings.core.support;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A small cache whose entries are read again from their source after a fixed lifetime. */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final long lifetimeNanos;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(Duration lifetime) {
        this.lifetimeNanos = lifetime.toNanos();
    }

    public V get(K key, Function<K, V> source) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.value();
        }
        V value = source.apply(key);
        entries.put(key, new Entry<>(value, now + lifetimeNanos));
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void invalidateAll() {
        entries.clear();
    }
}
