package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/** The customer did not accept the resolution; {@code reason} is their comment. */
public record TicketReopened(TicketId ticketId, Opinion opinion, String reason, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
