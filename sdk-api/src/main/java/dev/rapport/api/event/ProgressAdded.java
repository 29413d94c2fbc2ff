package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.api.ticket.TicketStatus;
import dev.rapport.api.ticket.Visibility;

import java.time.Instant;

/** A progress entry was recorded; {@code firstResponse} when it was the ticket's first customer-visible one. */
public record ProgressAdded(TicketId ticketId, TicketStatus statusAfter, Visibility visibility, boolean firstResponse,
                            Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
