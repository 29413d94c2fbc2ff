package dev.rapport.api.improvement;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An affected customer's verdict on a completed improvement (SPEC §6: verification score).
 *
 * @param customerId the affected customer who gave it, when known
 * @param score      1 (the problem persists) to 5 (solved for good)
 * @param recordedBy who recorded it
 */
public record Verification(Optional<CustomerId> customerId, int score, Optional<String> note, UserId recordedBy,
                           Instant recordedAt) {
    public Verification {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
