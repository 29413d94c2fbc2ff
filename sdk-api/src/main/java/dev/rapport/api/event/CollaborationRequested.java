package dev.rapport.api.event;

import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CollaborationId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;

/**
 * Another department was asked for help with a ticket.
 *
 * @param request    what was asked
 * @param recipients the people of that department to tell: its active users who may work tickets, or the
 *                   supervisors when it has none
 */
public record CollaborationRequested(TicketId ticketId, CollaborationId collaborationId, DepartmentId departmentId,
                                     String request, List<UserId> recipients, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    public CollaborationRequested {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
