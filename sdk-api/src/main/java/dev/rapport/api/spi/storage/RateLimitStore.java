package dev.rapport.api.spi.storage;

import java.time.Instant;

/**
 * Hits counted per key and fixed window, in the storage that every node shares: rate limits that hold across a
 * cluster. Keys are opaque to the storage (the SDK makes them from a hash of the scope and the client address).
 */
public interface RateLimitStore {
    /**
     * Counts one hit for {@code key} in the window that started at {@code windowStart}. Two transactions counting the
     * same key at once, on one node or two, both count: the later waits for the earlier.
     *
     * @return the window's hits, this one included
     */
    int hit(String key, Instant windowStart);

    /**
     * Forgets the windows that started before {@code before}.
     *
     * @return how many were forgotten
     */
    int forgetBefore(Instant before);
}
