package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;

/**
 * A customer-visible progress entry on a ticket that came in through a channel was queued as a reply to the customer;
 * the channel sends it from the outbox.
 *
 * @param channel   the channel instance the reply goes out through
 * @param messageId the reply's id in the ticket's conversation
 */
public record ReplyQueued(TicketId ticketId, String channel, String messageId, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
