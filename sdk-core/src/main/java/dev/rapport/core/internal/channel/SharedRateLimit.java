package dev.rapport.core.internal.channel;

import dev.rapport.api.error.RateLimitedException;
import dev.rapport.core.internal.Transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * At most {@code limit} requests per window from one client address to one scope, counted in the storage, so that
 * every node on it shares the count: behind a load balancer an address gets the limit once, not once per node. Windows
 * are fixed (aligned to the epoch), so a burst across a window's end may reach twice the limit; a refused request
 * counts too. The storage keeps a hash of the scope and the address, never the address.
 */
public final class SharedRateLimit {
    private final Transactions transactions;
    private final Clock clock;
    private final String code;
    private final String message;

    public SharedRateLimit(Transactions transactions, Clock clock, String code, String message) {
        this.transactions = transactions;
        this.clock = clock;
        this.code = code;
        this.message = message;
    }

    /** @throws RateLimitedException when the address used up its requests in this window, across all nodes */
    public void acquire(String scope, String address, int limit, Duration window) {
        Instant now = clock.instant();
        long size = Math.max(1, window.toMillis());
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
        String key = sha256(scope + " " + address);
        int hits = transactions.write(tx -> {
            tx.rateLimits().forgetBefore(start.minus(window));
            return tx.rateLimits().hit(key, start);
        });
        if (hits > limit) {
            throw new RateLimitedException(code, message, Duration.between(now, start.plusMillis(size)));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
