package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;

/**
 * A follow-up's due day passed without it being done or skipped: it is OVERDUE, and its owner is told. Raised once per
 * follow-up, on one node only.
 */
public record FollowUpOverdue(FollowUpId followUpId, FollowUpKind kind, CustomerId customerId,
                              Optional<TicketId> ticketId, UserId ownerId, Instant dueAt, Instant occurredAt,
                              UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return followUpId.value();
    }
}
