package dev.rapport.storage.jdbc;

import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.SessionStore;
import dev.rapport.api.spi.storage.StoredSession;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;

/** Login sessions in {@code sessions}, keyed by token hash. */
final class JdbcSessionStore implements SessionStore {
    private final Handle handle;

    JdbcSessionStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(StoredSession session) {
        handle.createUpdate("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at) "
                        + "VALUES (:tokenHash, :userId, :createdAt, :expiresAt, :revokedAt)")
                .bind("tokenHash", session.tokenHash())
                .bind("userId", session.userId().value())
                .bind("createdAt", instant(session.createdAt()))
                .bind("expiresAt", instant(session.expiresAt()))
                .bind("revokedAt", instant(session.revokedAt()))
                .execute();
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        return handle.createQuery("SELECT token_hash, user_id, created_at, expires_at, revoked_at FROM sessions "
                        + "WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map((rs, ctx) -> new StoredSession(rs.getString("token_hash"), UserId.of(rs.getString("user_id")),
                        instant(rs, "created_at"), instant(rs, "expires_at"), optionalInstant(rs, "revoked_at")))
                .findOne();
    }

    /** Keeps the first revocation time when a session is revoked twice. */
    @Override
    public void revoke(String tokenHash, Instant at) {
        handle.createUpdate("UPDATE sessions SET revoked_at = :at WHERE token_hash = :tokenHash AND revoked_at IS NULL")
                .bind("at", instant(at))
                .bind("tokenHash", tokenHash)
                .execute();
    }

    @Override
    public int revokeAllOf(UserId user, Instant at, String keepTokenHash) {
        return handle.createUpdate("UPDATE sessions SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL "
                        + "AND token_hash <> :keep")
                .bind("at", instant(at))
                .bind("userId", user.value())
                // No token hash is empty: an empty one keeps nothing.
                .bind("keep", keepTokenHash == null ? "" : keepTokenHash)
                .execute();
    }

    @Override
    public int deleteExpired(Instant now) {
        return handle.createUpdate("DELETE FROM sessions WHERE expires_at < :now")
                .bind("now", instant(now))
                .execute();
    }
}
