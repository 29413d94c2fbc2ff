package dev.rapport.core.internal;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database and kept for a short while: for settings every intake needs and that change
 * rarely (the ticket-type catalog, SLA rules, departments' assignment modes). A change on another node is seen within
 * the maximum age; a change on this node calls {@link #forget()}. Thread-safe.
 *
 * @param <T> the cached value, immutable
 */
public final class ShortCache<T> {
    /** How long the SDK keeps its settings caches. */
    public static final Duration DEFAULT_AGE = Duration.ofSeconds(10);

    private record Entry<T>(T value, long takenNanos) {
    }

    private final long maxAgeNanos;
    private volatile Entry<T> entry;

    public ShortCache(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The cached value, or the one {@code load} reads when there is none or it is too old. */
    public T get(Supplier<T> load) {
        var current = entry;
        // Monotonic time on purpose: the age of a cache has nothing to do with the business clock.
        if (current == null || System.nanoTime() - current.takenNanos() > maxAgeNanos) {
            current = new Entry<>(load.get(), System.nanoTime());
            entry = current;
        }
        return current.value();
    }

    /** Drops the value, so that the next {@link #get} reads it again. */
    public void forget() {
        entry = null;
    }
}
