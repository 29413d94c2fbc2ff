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
 * Refuses login attempts for a cool-down (counted from the last failure) once one employee id or one client address
 * has failed {@code failures} times within a window. An attempt counts as a failure from the moment it starts, so
 * parallel guesses cannot slip past the limit while their passwords are being checked; a success takes it back.
 * Counts live in this node's memory: an attacker spreading guesses across nodes gets at most the limit per node.
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

    /**
     * Starts an attempt, counted as failed until {@link #succeeded} says otherwise.
     *
     * @throws RateLimitedException while either key is cooling down; the refused attempt does not count
     */
    public void attempt(String employeeId, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            forgetStale(now);
        }
        var account = failures.computeIfAbsent("id:" + employeeId, k -> new ArrayDeque<>());
        var origin = failures.computeIfAbsent("ip:" + address, k -> new ArrayDeque<>());
        // One lock order (account, then address) for every caller.
        synchronized (account) {
            synchronized (origin) {
                requireNotCoolingDown(account, perAccount, now);
                requireNotCoolingDown(origin, perAddress, now);
                account.addLast(now);
                origin.addLast(now);
            }
        }
    }

    /** The attempt succeeded: the account starts afresh and the address gets its attempt back. */
    public void succeeded(String employeeId, String address) {
        failures.remove("id:" + employeeId);
        var origin = failures.get("ip:" + address);
        if (origin != null) {
            synchronized (origin) {
                origin.pollLast();
            }
        }
    }

    private static void requireNotCoolingDown(Deque<Instant> times, Limit limit, Instant now) {
        times.removeIf(t -> !t.isAfter(now.minus(limit.window())));
        if (times.size() >= limit.failures()) {
            Instant until = times.peekLast().plus(limit.coolDown());
            if (until.isAfter(now)) {
                throw new RateLimitedException("auth.login.rate-limited", "Too many failed logins; try again later",
                        Duration.between(now, until));
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
