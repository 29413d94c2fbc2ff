package dev.rapport.api.spi.storage;

import java.time.Instant;
import java.util.Optional;

/** Login sessions by token hash. */
public interface SessionStore {
    void insert(StoredSession session);

    Optional<StoredSession> find(String tokenHash);

    void revoke(String tokenHash, Instant at);

    /** Deletes sessions that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
