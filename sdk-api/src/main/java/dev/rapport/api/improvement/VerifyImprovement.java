package dev.rapport.api.improvement;

import dev.rapport.api.customer.CustomerId;

import java.util.Optional;

/**
 * An affected customer's verdict to record on a DONE or VERIFIED improvement.
 *
 * @param score      1 to 5
 * @param customerId the customer who gave it; one of the improvement's affected customers
 */
public record VerifyImprovement(int score, Optional<String> note, Optional<CustomerId> customerId) {
    public VerifyImprovement {
        note = note == null ? Optional.empty() : note;
        customerId = customerId == null ? Optional.empty() : customerId;
    }

    /** A score with a note, from a customer left unnamed. */
    public static VerifyImprovement of(int score, String note) {
        return new VerifyImprovement(score, Optional.ofNullable(note), Optional.empty());
    }
}
