package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's tags were replaced.
 *
 * @param tags the tags it carries now
 */
public record TicketTagsChanged(TicketId ticketId, List<String> tags, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    public TicketTagsChanged {
        tags = List.copyOf(tags);
    }

    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
