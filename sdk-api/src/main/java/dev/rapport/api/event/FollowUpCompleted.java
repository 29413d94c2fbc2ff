package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.InteractionId;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;

/** A follow-up was made and is DONE; {@code interactionId} is the interaction logged for it. */
public record FollowUpCompleted(FollowUpId followUpId, FollowUpKind kind, CustomerId customerId,
                                Optional<TicketId> ticketId, InteractionId interactionId, Instant occurredAt,
                                UserId actorId) implements DomainEvent {
    @Override
    public String subjectId() {
        return followUpId.value();
    }
}
