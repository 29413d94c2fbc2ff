package dev.rapport.api.spi.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one notification. */
public sealed interface Delivery {
    /** Delivered; {@code receipt} is what the peer answered, e.g. a message id, for the record. */
    record Delivered(Optional<String> receipt) implements Delivery {
        public Delivered {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /**
     * Not now (the peer is down, busy or answered 5xx): try again no sooner than {@code after}; the SDK backs off
     * further and dead-letters the notification after its configured attempts.
     */
    record RetryLater(Duration after, String reason) implements Delivery {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Never (the peer refused it, e.g. 4xx): dead letter now. */
    record Rejected(String reason) implements Delivery {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Delivery delivered() {
        return new Delivered(Optional.empty());
    }
}
