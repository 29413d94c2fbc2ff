package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/** A ticket was closed after a SATISFIED confirmation; it is read-only from now on. */
public record TicketClosed(TicketId ticketId, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
