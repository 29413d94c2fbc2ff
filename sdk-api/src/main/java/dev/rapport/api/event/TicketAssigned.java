package dev.rapport.api.event;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;

/** A ticket got an assignee, lost it, or moved to another department. */
public record TicketAssigned(TicketId ticketId, DepartmentId departmentId, Optional<UserId> assigneeId,
                             Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
