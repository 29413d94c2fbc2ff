package dev.rapport.api.event;

import dev.rapport.api.improvement.ImprovementId;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * An improvement was recorded, PROPOSED; its owner is told.
 *
 * @param suggestionId the suggestion it adopted, if any
 */
public record ImprovementCreated(ImprovementId improvementId, DepartmentId departmentId, UserId ownerId,
                                 Optional<SuggestionId> suggestionId, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    @Override
    public String subjectId() {
        return improvementId.value();
    }
}
