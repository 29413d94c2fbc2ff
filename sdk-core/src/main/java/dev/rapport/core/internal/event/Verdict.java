package dev.rapport.core.internal.event;

import dev.rapport.api.spi.notify.Delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What one attempt's outcome means for the delivery: done, again later, or dead. */
sealed interface Verdict {
    /** Delivered, with the receipt to keep. */
    record Done(Optional<String> receipt) implements Verdict {
    }

    /** Pending until {@code at}. */
    record Again(Instant at, String reason) implements Verdict {
    }

    /** A dead letter: rejected, or out of attempts. */
    record Dead(String why) implements Verdict {
    }

    /**
     * @param attempts the attempts made, the one that gave {@code outcome} included
     * @param jitter   0 to 1, for the back-off
     * @param safe     makes the subscriber's texts fit to keep
     */
    static Verdict of(Delivery outcome, int attempts, Instant now, DeliveryPolicy policy, double jitter,
                      UnaryOperator<String> safe) {
        return switch (outcome) {
            case Delivery.Delivered delivered -> new Done(delivered.receipt().map(safe));
            case Delivery.RetryLater later when attempts < policy.maxAttempts() ->
                    new Again(now.plus(policy.backoff(attempts, later.after(), jitter)), safe.apply(later.reason()));
            case Delivery.RetryLater later -> new Dead("gave up after " + attempts + " attempt(s), the last: "
                    + safe.apply(later.reason()));
            case Delivery.Rejected rejected -> new Dead("rejected: " + safe.apply(rejected.reason()));
        };
    }
}
