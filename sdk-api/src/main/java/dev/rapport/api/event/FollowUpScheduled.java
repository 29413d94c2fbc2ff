package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.followup.FollowUpId;
import dev.rapport.api.followup.FollowUpKind;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A follow-up was planned: after a ticket closed, by a maintenance plan, before a contract ends, or to recover from a
 * poor survey answer.
 *
 * @param recipients who is told now: the owner of a service recovery, which cannot wait; no one for planned contacts,
 *                   whose owner hears of them when they fall due ({@link FollowUpDue})
 */
public record FollowUpScheduled(FollowUpId followUpId, FollowUpKind kind, CustomerId customerId,
                                Optional<TicketId> ticketId, UserId ownerId, Instant dueAt, List<UserId> recipients,
                                Instant occurredAt, UserId actorId) implements DomainEvent {
    public FollowUpScheduled {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String subjectId() {
        return followUpId.value();
    }
}
