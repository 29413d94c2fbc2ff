package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer's message came in through a channel and was filed on a ticket: it opened the ticket, or joined it (when
 * the ticket's assignee should hear that the customer wrote again).
 *
 * @param channel    the configured channel instance, e.g. {@code support-mail}
 * @param opened     whether the message opened the ticket
 * @param assigneeId the ticket's assignee, told of the message
 */
public record CustomerMessageReceived(TicketId ticketId, String ticketNumber, String channel, boolean opened,
                                      Optional<UserId> assigneeId, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
