package dev.rapport.core.internal.security;

import dev.rapport.api.error.RateLimitedException;
import dev.rapport.core.LoginThrottlePolicy;
import dev.rapport.core.internal.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slows password guessing down, following OWASP's authentication cheat sheet: failures are counted per pair of
 * employee id and client address, in the database, so every node sees the same counts and memory holds none of them.
 * A pair gets {@link LoginThrottlePolicy#freeFailures()} failures for free; after that each attempt must wait a delay
 * after the pair's last failure that starts at {@link LoginThrottlePolicy#firstDelay()} and doubles with every further
 * failure, up to {@link LoginThrottlePolicy#maxDelay()}. An address that failed
 * {@link LoginThrottlePolicy#addressFailures()} times within {@link LoginThrottlePolicy#addressWindow()}, over all
 * employee ids, is refused until its older failures leave the window.
 *
 * <p>There is no account-wide lock-out: whoever fails from one address does not keep the account's owner out from
 * another. An attempt counts as a failure from the moment it starts (the pair's row is locked while it is counted),
 * so parallel guesses cannot slip past the delay while their passwords are being checked; a success clears the pair.
 * A refused attempt records nothing.
 */
public final class LoginThrottle {
    /** Pairs are kept this long after their last failure, so a wait cannot be shortened by waiting for a purge. */
    static final Duration RETENTION = Duration.ofDays(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());

    private final Transactions transactions;
    private final Clock clock;
    private final LoginThrottlePolicy policy;
    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.MIN);

    public LoginThrottle(Transactions transactions, Clock clock, LoginThrottlePolicy policy) {
        this.transactions = transactions;
        this.clock = clock;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Starts an attempt, counted as failed until {@link #succeeded} says otherwise.
     *
     * @throws RateLimitedException while the pair waits out its delay or the address is over its limit; the refused
     *                              attempt is not recorded
     */
    public void attempt(String employeeId, String address) {
        Instant now = clock.instant();
        // read(), not write(): these rows raise no events, so the outbox's delivery need not be woken.
        transactions.read(tx -> {
            var failures = tx.loginFailures();
            var claimed = failures.claim(employeeId, address);
            if (claimed.isEmpty()) {
                // Another attempt of this pair is being counted at this very moment: one at a time.
                throw refused(Duration.ofSeconds(1));
            }
            var pair = claimed.get();
            Instant until = pair.lastFailedAt().plus(policy.delayAfter(pair.failures()));
            if (pair.failures() > 0 && until.isAfter(now)) {
                // Thrown inside the transaction: the claim rolls back with it, and nothing is recorded.
                throw refused(Duration.between(now, until));
            }
            var fromAddress = failures.fromAddress(address, now.minus(policy.addressWindow()));
            if (fromAddress.failures() >= policy.addressFailures()) {
                Instant free = fromAddress.oldest().plus(policy.addressWindow());
                throw refused(free.isAfter(now) ? Duration.between(now, free) : Duration.ofSeconds(1));
            }
            failures.recordFailure(employeeId, address, now);
            return null;
        });
        prune(now);
    }

    /** The attempt succeeded: the pair starts afresh. */
    public void succeeded(String employeeId, String address) {
        transactions.read(tx -> {
            tx.loginFailures().clear(employeeId, address);
            return null;
        });
    }

    /**
     * At most once a minute per node, forgets the pairs that last failed over a day ago: in a transaction of its own,
     * which holds no pair's lock (so two nodes pruning cannot wait for each other's pairs), and at best effort, since
     * an attempt must not fail because old rows could not be deleted this time.
     */
    private void prune(Instant now) {
        Instant last = lastPruned.get();
        if (last.isBefore(now.minus(PRUNE_EVERY)) && lastPruned.compareAndSet(last, now)) {
            try {
                transactions.read(tx -> tx.loginFailures().deleteOlderThan(now.minus(RETENTION)));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Old login failures were not deleted this time; the next prune will",
                        e);
            }
        }
    }

    /** A refusal whose wait is rounded up to whole seconds, so a client that waits as told is not refused again. */
    private static RateLimitedException refused(Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() == 0 ? 0 : 1));
        return new RateLimitedException("auth.login.rate-limited", "Too many failed logins; try again later",
                Duration.ofSeconds(seconds));
    }
}
