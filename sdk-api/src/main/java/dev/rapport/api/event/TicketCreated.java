package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/** A ticket was opened and routed to {@code departmentId}. */
public record TicketCreated(TicketId ticketId, String number, CustomerId customerId, String type, Priority priority,
                            DepartmentId departmentId, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
