package dev.rapport.core.internal.channel;

import dev.rapport.api.error.RateLimitedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per window from one client address to one scope, such as a channel (a sliding
 * window). Counts live in this node's memory: behind several nodes an address gets the limit on each (the channels
 * count in the storage instead, {@link SharedRateLimit}).
 */
public final class AddressRateLimit {
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final String code;
    private final String message;
    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();

    /** @param code and {@code message}: of the {@link RateLimitedException} of a refusal */
    public AddressRateLimit(Clock clock, String code, String message) {
        this.clock = clock;
        this.code = code;
        this.message = message;
    }

    /** @throws RateLimitedException when the address used up its requests; the refused one does not count */
    public void acquire(String scope, String address, int limit, Duration window) {
        Instant now = clock.instant();
        if (requests.size() > MAX_TRACKED) {
            requests.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(now.minus(window));
                }
            });
        }
        var times = requests.computeIfAbsent(scope + " " + address, k -> new ArrayDeque<>());
        synchronized (times) {
            times.removeIf(t -> !t.isAfter(now.minus(window)));
            if (times.size() >= limit) {
                var retryAfter = Duration.between(now, times.peekFirst().plus(window));
                throw new RateLimitedException(code, message, retryAfter);
            }
            times.addLast(now);
        }
    }
}
