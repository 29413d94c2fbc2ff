package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;

/** A follow-up will not be made and is SKIPPED (the reason is in its record and audit trail). */
public record FollowUpSkipped(FollowUpId followUpId, FollowUpKind kind, CustomerId customerId,
                              Optional<TicketId> ticketId, Instant occurredAt, UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return followUpId.value();
    }
}
