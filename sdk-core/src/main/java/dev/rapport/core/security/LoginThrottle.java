package dev.rapport.core.security;

import dev.rapport.api.error.RateLimitedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses login attempts for a cool-down (counted from the last failure) once one employee id or one client
 * address has failed {@code failures} times within a window. Counts live in this node's memory: an attacker spreading guesses across nodes gets at most the limit
 * per node.
 */
public final class LoginThrottle {
    /** Limits of one kind of key. */
    public record Limit(int failures, Duration window, Duration coolDown) {
    }

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Limit perAccount;
    private final Limit perAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Limit perAccount, Limit perAddress) {
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** @throws RateLimitedException while either key is cooling down */
    public void check(String employeeId, String address) {
        Instant now = clock.instant();
        check("id:" + employeeId, perAccount, now);
        check("ip:" + address, perAddress, now);
    }

    public void failed(String employeeId, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            forgetStale(now);
        }
        record("id:" + employeeId, now);
        record("ip:" + address, now);
    }

    public void succeeded(String employeeId) {
        failures.remove("id:" + employeeId);
    }

    private void check(String key, Limit limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return;
        }
        synchronized (times) {
            times.removeIf(t -> !t.isAfter(now.minus(limit.window())));
            if (times.size() >= limit.failures()) {
                Instant until = times.peekLast().plus(limit.coolDown());
                if (until.isAfter(now)) {
                    throw new RateLimitedException("auth.login.rate-limited",
                            "Too many failed logins; try again later", Duration.between(now, until));
                }
            }
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > Math.max(perAccount.failures(), perAddress.failures())) {
                times.removeFirst();
            }
        }
    }

    private void forgetStale(Instant now) {
        Duration account = perAccount.window().plus(perAccount.coolDown());
        Duration address = perAddress.window().plus(perAddress.coolDown());
        Duration longest = account.compareTo(address) > 0 ? account : address;
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(longest));
            }
        });
    }
}
