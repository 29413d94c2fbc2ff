package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/** An expert accepted an escalated ticket and owns it to closure (first-ask ownership). */
public record TicketAccepted(TicketId ticketId, UserId ownerId, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
