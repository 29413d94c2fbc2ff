package dev.rapport.core.internal.security;

import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sessions this node checked lately, by token hash, each kept for at most {@link #TTL}: without it every request
 * reads its session and user from the database, a transaction and two queries that cost more than many a request's
 * own work. A session revoked, a user deactivated, a role withdrawn or a role's permissions changed on another node
 * therefore takes effect here within {@link #TTL} (docs/operations.md states it); on this node the services that make
 * those changes forget the entries concerned as they make them (every entry, for a role's permissions), and a
 * session's own expiry is checked on every hit.
 */
public final class SessionCache {
    /** How long a checked session is trusted without asking the database again. */
    static final Duration TTL = Duration.ofSeconds(2);
    /** Beyond this many entries the cache starts over, so a flood of tokens cannot grow the heap. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Credentials credentials, Instant sessionExpiresAt, long checkedAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public SessionCache() {
        this(System::nanoTime);
    }

    /** @param nanoTime a monotonic clock, so that tests can move it */
    SessionCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The credentials checked for this token hash less than {@link #TTL} ago, while its session lasts. */
    Optional<Credentials> find(String tokenHash, Instant now) {
        var entry = entries.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.checkedAtNanos() >= TTL.toNanos() || !entry.sessionExpiresAt().isAfter(now)) {
            entries.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.credentials());
    }

    /** Remembers a session just checked against the database. */
    void put(String tokenHash, Credentials credentials, Instant sessionExpiresAt) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(tokenHash, new Entry(credentials, sessionExpiresAt, nanoTime.getAsLong()));
    }

    /** Forgets one session: it was revoked on this node. */
    void forget(String tokenHash) {
        entries.remove(tokenHash);
    }

    /** Forgets every session: a role, which any of them may hold, changed on this node. */
    void forgetAll() {
        entries.clear();
    }

    /** Forgets every session of a user whose account, roles or password changed on this node. */
    void forgetUser(UserId user) {
        entries.values().removeIf(entry -> entry.credentials().user().id().equals(user));
    }
}
