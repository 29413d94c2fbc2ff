package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * An affected customer's verification score was recorded on an improvement.
 *
 * @param score      1 to 5
 * @param customerId the customer who gave it, when named
 * @param state      the improvement's state afterwards: VERIFIED
 */
public record ImprovementVerified(ImprovementId improvementId, int score, Optional<CustomerId> customerId,
                                  ImprovementState state, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return improvementId.value();
    }
}
