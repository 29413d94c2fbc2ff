package dev.rapport.api.improvement;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.TicketId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster of tickets that suggests an improvement (SPEC §6): enough distinct customers raised tickets of one type
 * and tag within the suggestion window. {@link Improvements} describes when a (type, tag) is suggested again.
 *
 * @param ticketType   the tickets' type code
 * @param tag          the tag as the ticket that completed the cluster spelled it; tags match ignoring case
 * @param departmentId the department the type routes to, whose supervisors were told
 * @param customerIds  the distinct customers of the cluster's tickets
 * @param ticketIds    the cluster's tickets, oldest first; tickets of the cluster opened while the suggestion is
 *                     OPEN join it
 * @param improvementId the improvement that adopted it
 * @param dismissReason why it was dismissed
 * @param settledBy    who adopted or dismissed it
 * @param follows      the earlier suggestion of the same type and tag, if there was one
 * @param suggestedAt  when the cluster was complete
 * @param lastTicketAt when the newest ticket of the cluster was opened
 */
public record ImprovementSuggestion(SuggestionId id, String ticketType, String tag, DepartmentId departmentId,
                                    List<CustomerId> customerIds, List<TicketId> ticketIds, SuggestionState state,
                                    Optional<ImprovementId> improvementId, Optional<String> dismissReason,
                                    Optional<UserId> settledBy, Optional<Instant> settledAt,
                                    Optional<SuggestionId> follows, Instant suggestedAt, Instant lastTicketAt) {
    public ImprovementSuggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketType, "ticketType");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(departmentId, "departmentId");
        customerIds = List.copyOf(customerIds);
        ticketIds = List.copyOf(ticketIds);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(improvementId, "improvementId");
        Objects.requireNonNull(dismissReason, "dismissReason");
        Objects.requireNonNull(settledBy, "settledBy");
        Objects.requireNonNull(settledAt, "settledAt");
        Objects.requireNonNull(follows, "follows");
        Objects.requireNonNull(suggestedAt, "suggestedAt");
        Objects.requireNonNull(lastTicketAt, "lastTicketAt");
    }
}
