package dev.rapport.storage.jdbc;

import dev.rapport.api.spi.storage.RateLimitStore;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Map;

import static dev.rapport.storage.jdbc.JdbcValues.instant;

/** Hits in {@code rate_limit_hits}, one row per key and window; the update's row lock orders concurrent hits. */
final class JdbcRateLimitStore implements RateLimitStore {
    private final Handle handle;
    private final Dialect dialect;

    JdbcRateLimitStore(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public int hit(String key, Instant windowStart) {
        String id = key + "@" + windowStart.getEpochSecond();
        // Where another transaction inserts the window's row first, the second update counts on it.
        if (increment(id) == 0 && !InsertIfAbsent.insert(handle, dialect, "rate_limit_hits", "id",
                Map.of("id", id, "window_start", instant(windowStart), "hits", 1))) {
            increment(id);
        }
        return handle.createQuery("SELECT hits FROM rate_limit_hits WHERE id = :id").bind("id", id)
                .mapTo(Integer.class).one();
    }

    private int increment(String id) {
        return handle.createUpdate("UPDATE rate_limit_hits SET hits = hits + 1 WHERE id = :id").bind("id", id)
                .execute();
    }

    @Override
    public int forgetBefore(Instant before) {
        return handle.createUpdate("DELETE FROM rate_limit_hits WHERE window_start < :before")
                .bind("before", instant(before)).execute();
    }
}
