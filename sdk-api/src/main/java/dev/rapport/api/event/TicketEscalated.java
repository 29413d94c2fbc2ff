package dev.rapport.api.event;

import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.EscalationLevel;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ticket went one escalation level up, by hand or because an SLA target was missed.
 *
 * @param reason     why, as the escalating user wrote it; empty for an escalation by breach
 * @param recipients the people of the new level: the department's experts, or its supervisors
 */
public record TicketEscalated(TicketId ticketId, EscalationLevel from, EscalationLevel to, Optional<String> reason,
                              boolean byBreach, List<UserId> recipients, Instant occurredAt, UserId actorId)
        implements DomainEvent {
    public TicketEscalated {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String subjectId() {
        return ticketId.value();
    }
}
