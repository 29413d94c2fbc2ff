package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.ExceptionKind;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;

/**
 * An exception was recorded on a ticket.
 *
 * @param newEta the new expected resolution time, to which the ticket's resolution deadline moved; empty when the
 *               deadline stayed
 */
public record ExceptionRecorded(TicketId ticketId, ExceptionKind kind, Optional<Instant> newEta, Instant occurredAt,
                                UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
