package dev.rapport.api.spi.storage;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Optional;

/** Login sessions by token hash. */
public interface SessionStore {
    /** Stores a new session. */
    void insert(StoredSession session);

    /** The session with this token hash, revoked or expired ones included; or empty. */
    Optional<StoredSession> find(String tokenHash);

    /** Marks the session revoked at {@code at}; unknown or already revoked sessions are left as they are. */
    void revoke(String tokenHash, Instant at);

    /**
     * Marks every unrevoked session of the user revoked at {@code at}, except the one whose token hash is
     * {@code keepTokenHash} (null to revoke all); returns how many.
     */
    int revokeAllOf(UserId user, Instant at, String keepTokenHash);

    /** Deletes sessions that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
