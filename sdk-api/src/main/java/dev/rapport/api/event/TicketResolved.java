package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/** A ticket was resolved and now waits for the customer's confirmation. */
public record TicketResolved(TicketId ticketId, CommunicationMethod communicatedVia, Instant occurredAt,
                             UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
