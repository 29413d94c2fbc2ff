package dev.rapport.api.spi.storage;

import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Optional;

/** A login session, keyed by the SHA-256 of its bearer token (the token itself is never stored). */
public record StoredSession(String tokenHash, UserId userId, Instant createdAt, Instant expiresAt,
                            Optional<Instant> revokedAt) {
    @Override
    public String toString() {
        return "StoredSession[user=" + userId + ", expiresAt=" + expiresAt + ", revokedAt=" + revokedAt + "]";
    }
}
