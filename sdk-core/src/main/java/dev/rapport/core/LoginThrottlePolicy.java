package dev.rapport.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the sign-in throttle is on failed attempts, counted per (employee id, client address) and per address.
 *
 * @param freeFailures    failures of one pair before delays start
 * @param firstDelay      the wait after the first failure beyond the free ones; doubles with each further one
 * @param maxDelay        the longest wait of one pair
 * @param addressFailures failures of one address, over all employee ids, within {@code addressWindow}
 * @param addressWindow   how long a failure counts against its address
 */
public record LoginThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay, int addressFailures,
                                  Duration addressWindow) {
    /** 3 free failures, then 2 s doubling up to 15 min; 50 failures per address and hour. */
    public static final LoginThrottlePolicy DEFAULT = new LoginThrottlePolicy(3, Duration.ofSeconds(2),
            Duration.ofMinutes(15), 50, Duration.ofHours(1));

    public LoginThrottlePolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(addressWindow, "addressWindow");
        if (freeFailures < 0 || addressFailures < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                || !addressWindow.isPositive()) {
            throw new IllegalArgumentException("Needs freeFailures >= 0, addressFailures >= 1, "
                    + "0 <= firstDelay <= maxDelay and a positive addressWindow: " + this);
        }
    }

    /** The wait after the last failure of a pair that failed {@code failures} times. */
    public Duration delayAfter(int failures) {
        int beyond = failures - freeFailures;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        if (beyond > 40) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << (beyond - 1));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
