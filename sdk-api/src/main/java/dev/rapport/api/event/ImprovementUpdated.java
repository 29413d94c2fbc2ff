package dev.rapport.api.event;

import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * An improvement changed; a new owner is told.
 *
 * @param state    its state after the change
 * @param handedTo the new owner, when the change gave it one
 * @param version  its version after the change
 */
public record ImprovementUpdated(ImprovementId improvementId, ImprovementState state, Optional<UserId> handedTo,
                                 long version, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return improvementId.value();
    }
}
