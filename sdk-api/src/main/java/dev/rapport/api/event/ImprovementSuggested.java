package dev.rapport.api.event;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;

/**
 * Enough distinct customers raised tickets of one type and tag within the suggestion window: an improvement is
 * suggested (SPEC §6), once per cluster.
 *
 * @param ticketType   the tickets' type code
 * @param tag          the shared tag
 * @param departmentId the department the type routes to
 * @param customerIds  the distinct customers of the cluster
 * @param ticketIds    the cluster's tickets, oldest first
 * @param recipients   the department's supervisors (every supervisor when it has none)
 * @param actorId      who opened or tagged the ticket that completed the cluster
 */
public record ImprovementSuggested(SuggestionId suggestionId, String ticketType, String tag, DepartmentId departmentId,
                                   List<CustomerId> customerIds, List<TicketId> ticketIds, List<UserId> recipients,
                                   Instant occurredAt, UserId actorId) implements DomainEvent {
    public ImprovementSuggested {
        customerIds = List.copyOf(customerIds);
        ticketIds = List.copyOf(ticketIds);
        recipients = List.copyOf(recipients);
    }

    @Override
    public String subjectId() {
        return suggestionId.value();
    }
}
